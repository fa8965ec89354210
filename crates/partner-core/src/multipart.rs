//! `multipart/form-data` encoding (and decoding, for tests and the sandbox).
//!
//! We encode to bytes ourselves rather than through reqwest's streaming form so the body is a
//! plain value: a test can look at exactly what an upload sends, and retries can resend it.

use bytes::{BufMut, Bytes, BytesMut};

/// One part of a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// Field name.
    pub name: String,
    /// File name, for file parts.
    pub filename: Option<String>,
    /// Content type, for file parts.
    pub content_type: Option<String>,
    /// The data.
    pub data: Bytes,
}

impl Part {
    /// The data as UTF-8 text, when it is.
    pub fn text(&self) -> Option<&str> {
        std::str::from_utf8(&self.data).ok()
    }
}

/// A form to send as `multipart/form-data`.
#[derive(Clone, Debug)]
pub struct Multipart {
    boundary: String,
    parts: Vec<Part>,
}

impl Default for Multipart {
    fn default() -> Self {
        Self::new()
    }
}

impl Multipart {
    /// An empty form with a random boundary.
    pub fn new() -> Self {
        let boundary = format!(
            "partner-clients-{:016x}{:016x}",
            fastrand::u64(..),
            fastrand::u64(..)
        );
        Multipart {
            boundary,
            parts: Vec::new(),
        }
    }

    /// An empty form with a fixed boundary (deterministic bodies in tests).
    pub fn with_boundary(boundary: impl Into<String>) -> Self {
        Multipart {
            boundary: boundary.into(),
            parts: Vec::new(),
        }
    }

    /// Adds a text field.
    pub fn text(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.parts.push(Part {
            name: name.into(),
            filename: None,
            content_type: None,
            data: Bytes::from(value.into()),
        });
        self
    }

    /// Adds a file field.
    pub fn file(
        mut self,
        name: impl Into<String>,
        filename: impl Into<String>,
        content_type: impl Into<String>,
        data: impl Into<Bytes>,
    ) -> Self {
        self.parts.push(Part {
            name: name.into(),
            filename: Some(filename.into()),
            content_type: Some(content_type.into()),
            data: data.into(),
        });
        self
    }

    /// The parts, in order.
    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// The `Content-Type` header value, with the boundary.
    pub fn content_type(&self) -> String {
        format!("multipart/form-data; boundary={}", self.boundary)
    }

    /// The encoded body.
    pub fn to_bytes(&self) -> Bytes {
        let mut out = BytesMut::new();
        for part in &self.parts {
            out.put_slice(format!("--{}\r\n", self.boundary).as_bytes());
            let mut disposition = format!(
                "Content-Disposition: form-data; name=\"{}\"",
                quote(&part.name)
            );
            if let Some(filename) = &part.filename {
                disposition.push_str(&format!("; filename=\"{}\"", quote(filename)));
            }
            out.put_slice(disposition.as_bytes());
            out.put_slice(b"\r\n");
            if let Some(ct) = &part.content_type {
                out.put_slice(format!("Content-Type: {ct}\r\n").as_bytes());
            }
            out.put_slice(b"\r\n");
            out.put_slice(&part.data);
            out.put_slice(b"\r\n");
        }
        out.put_slice(format!("--{}--\r\n", self.boundary).as_bytes());
        out.freeze()
    }

    /// Decodes a body given its `Content-Type` header value.
    pub fn parse(content_type: &str, body: &[u8]) -> Result<Vec<Part>, MultipartError> {
        let boundary = content_type
            .split(';')
            .map(str::trim)
            .find_map(|p| p.strip_prefix("boundary="))
            .map(|b| b.trim_matches('"'))
            .ok_or(MultipartError("no boundary in content type"))?;
        let delimiter = format!("--{boundary}");
        let mut parts = Vec::new();
        let mut rest = body;
        let first = find(rest, delimiter.as_bytes()).ok_or(MultipartError("no first boundary"))?;
        rest = &rest[first + delimiter.len()..];
        loop {
            if rest.starts_with(b"--") {
                return Ok(parts);
            }
            rest = rest
                .strip_prefix(b"\r\n")
                .ok_or(MultipartError("boundary not followed by CRLF"))?;
            let head_end =
                find(rest, b"\r\n\r\n").ok_or(MultipartError("part without header end"))?;
            let head = std::str::from_utf8(&rest[..head_end])
                .map_err(|_| MultipartError("non-UTF-8 part header"))?;
            rest = &rest[head_end + 4..];
            let end = find(rest, format!("\r\n{delimiter}").as_bytes())
                .ok_or(MultipartError("unterminated part"))?;
            let data = Bytes::copy_from_slice(&rest[..end]);
            rest = &rest[end + 2 + delimiter.len()..];
            let mut part = Part {
                name: String::new(),
                filename: None,
                content_type: None,
                data,
            };
            for line in head.split("\r\n") {
                let (key, value) = line.split_once(':').unwrap_or((line, ""));
                if key.eq_ignore_ascii_case("content-disposition") {
                    part.name = param(value, "name").unwrap_or_default();
                    part.filename = param(value, "filename");
                } else if key.eq_ignore_ascii_case("content-type") {
                    part.content_type = Some(value.trim().to_owned());
                }
            }
            parts.push(part);
        }
    }
}

/// A body that is not valid multipart.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid multipart body: {0}")]
pub struct MultipartError(&'static str);

fn quote(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace(['\r', '\n'], " ")
}

fn param(header: &str, name: &str) -> Option<String> {
    header.split(';').map(str::trim).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim() == name).then(|| {
            v.trim()
                .trim_matches('"')
                .replace("\\\"", "\"")
                .replace("\\\\", "\\")
        })
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let form = Multipart::with_boundary("XyZ")
            .text("Client Email", "a@b.c")
            .file(
                "customFile",
                "orders.xlsx",
                "application/octet-stream",
                vec![0u8, 1, 2, b'\r', b'\n'],
            );
        let body = form.to_bytes();
        assert!(body.starts_with(
            b"--XyZ\r\nContent-Disposition: form-data; name=\"Client Email\"\r\n\r\na@b.c\r\n"
        ));
        let parts = Multipart::parse(&form.content_type(), &body).unwrap();
        assert_eq!(parts, form.parts());
    }
}
