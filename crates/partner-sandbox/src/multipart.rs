//! A small `multipart/form-data` reader for bodies already in memory (BigFix's bulk
//! upload). Written here rather than shared with the client's encoder, so an encoding bug
//! in the client shows up as a refused upload.

/// One part of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    /// The `name` of its `Content-Disposition`.
    pub(crate) name: String,
    /// The `filename`, for file parts.
    pub(crate) filename: Option<String>,
    /// The part's bytes.
    pub(crate) data: Vec<u8>,
}

/// Why a body is not a readable form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum FormError {
    /// The content type is not `multipart/form-data` with a boundary.
    #[error("the content type must be multipart/form-data with a boundary")]
    NotMultipart,
    /// The body does not follow the boundary structure.
    #[error("the multipart body is malformed: {0}")]
    Malformed(&'static str),
}

/// The boundary of a `multipart/form-data` content type.
fn boundary(content_type: &str) -> Option<String> {
    let mut pieces = content_type.split(';').map(str::trim);
    if !pieces.next()?.eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    pieces
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("boundary"))
        .map(|(_, v)| v.trim().trim_matches('"').to_owned())
        .filter(|b| !b.is_empty())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A quoted or bare parameter of a `Content-Disposition` value.
fn disposition_param(value: &str, name: &str) -> Option<String> {
    value.split(';').map(str::trim).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// Splits a form body into its parts.
pub(crate) fn parse(content_type: &str, body: &[u8]) -> Result<Vec<Part>, FormError> {
    let boundary = boundary(content_type).ok_or(FormError::NotMultipart)?;
    let delimiter = format!("--{boundary}").into_bytes();
    let start = find(body, &delimiter).ok_or(FormError::Malformed("no boundary found"))?;
    let mut rest = &body[start + delimiter.len()..];
    let mut parts = Vec::new();
    loop {
        if rest.starts_with(b"--") {
            return Ok(parts);
        }
        rest = rest
            .strip_prefix(b"\r\n")
            .ok_or(FormError::Malformed("no line break after a boundary"))?;
        let head_end =
            find(rest, b"\r\n\r\n").ok_or(FormError::Malformed("a part has no header end"))?;
        let head = String::from_utf8_lossy(&rest[..head_end]).into_owned();
        rest = &rest[head_end + 4..];
        let mut closing = b"\r\n".to_vec();
        closing.extend_from_slice(&delimiter);
        let end = find(rest, &closing)
            .ok_or(FormError::Malformed("a part is not closed by the boundary"))?;
        let disposition = head
            .lines()
            .filter_map(|l| l.split_once(':'))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-disposition"))
            .map(|(_, v)| v.trim().to_owned())
            .ok_or(FormError::Malformed("a part has no Content-Disposition"))?;
        parts.push(Part {
            name: disposition_param(&disposition, "name")
                .ok_or(FormError::Malformed("a part has no name"))?,
            filename: disposition_param(&disposition, "filename"),
            data: rest[..end].to_vec(),
        });
        rest = &rest[end + closing.len()..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_files() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"Client Email\"\r\n\r\nops@acme.example\r\n\
--XyZ\r\nContent-Disposition: form-data; name=\"customFile\"; filename=\"orders.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\nPK\x03\x04\r\n--XyZ--\r\n";
        let parts = parse("multipart/form-data; boundary=XyZ", body).unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "Client Email");
        assert_eq!(parts[0].data, b"ops@acme.example");
        assert_eq!(parts[1].filename.as_deref(), Some("orders.xlsx"));
        assert_eq!(parts[1].data, b"PK\x03\x04");
        assert_eq!(
            parse("application/json", body),
            Err(FormError::NotMultipart)
        );
        assert!(parse("multipart/form-data; boundary=other", body).is_err());
    }
}
