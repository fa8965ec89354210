//! The end-to-end tour: starts every vendor's sandbox and walks each worked flow.
//!
//! ```sh
//! cargo run -p partner-sandbox --example tour
//! ```

#[tokio::main]
async fn main() -> Result<(), partner_sandbox::SandboxError> {
    partner_sandbox::tour::run(&mut std::io::stdout()).await
}
