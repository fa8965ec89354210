//! Request signatures computed for the caller, never passed by hand.
//!
//! Only MD5 over concatenated parts is needed (shipinsure); it sits behind the `md5` feature so
//! other vendors do not compile md-5.

use md5::{Digest, Md5};

/// Lowercase hex MD5 of the parts concatenated with no separator.
///
/// ```
/// use partner_core::signing::md5_hex;
/// // Parts are hashed as if concatenated: `echo -n abc | md5sum`.
/// assert_eq!(md5_hex(["a", "b", "c"]), "900150983cd24fb0d6963f7d28e17f72");
/// ```
pub fn md5_hex<I, P>(parts: I) -> String
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hasher = Md5::new();
    for part in parts {
        hasher.update(part.as_ref());
    }
    // One allocation, not one `format!` per byte (this runs on every signed call).
    let mut hex = String::with_capacity(32);
    for b in hasher.finalize() {
        hex.push(char::from(HEX[usize::from(b >> 4)]));
        hex.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vectors() {
        // RFC 1321 test suite.
        assert_eq!(md5_hex([""]), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(md5_hex(["abc"]), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(md5_hex(["a", "b", "c"]), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(
            md5_hex([
                "12345678901234567890123456789012345678901234567890123456789012345678901234567890"
            ]),
            "57edf4a22be3c955ac49da2e2107b67a"
        );
    }
}
