//! Incident photos: JPEG bytes in, base64 on the wire (3.8), and back again (3.22).

use serde::{Deserialize, Serialize};

use crate::wire::base64_bytes;

/// The start of every JPEG file (SOI marker then a segment marker).
const JPEG_MAGIC: [u8; 3] = [0xFF, 0xD8, 0xFF];

/// True when the bytes start like a JPEG file.
pub fn is_jpeg(bytes: &[u8]) -> bool {
    bytes.starts_with(&JPEG_MAGIC)
}

/// 3.8 Update Incident Photos: one JPEG per call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoUpload {
    /// The case id.
    #[serde(rename = "CaseID")]
    pub case_id: String,
    /// The JPEG bytes (sent base64-encoded as `images`).
    #[serde(rename = "images", with = "base64_bytes")]
    pub jpeg: Vec<u8>,
}

/// The photos of one case (3.22).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CasePhotos {
    /// The case id.
    #[serde(rename = "CaseID")]
    pub case_id: String,
    /// Its photos.
    #[serde(
        rename = "Images",
        default,
        deserialize_with = "partner_core::wire::null_as_empty"
    )]
    pub images: Vec<Photo>,
}

/// One stored photo, decoded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Photo {
    /// File name ("fileName.jpg").
    #[serde(rename = "FileName", default)]
    pub file_name: Option<String>,
    /// The image bytes (decoded from `Base64String`).
    #[serde(rename = "Base64String", with = "base64_bytes")]
    pub bytes: Vec<u8>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use partner_core::validation::Validate;

    const TINY: &[u8] = &[
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0xFF, 0xD9,
    ];

    #[test]
    fn upload_is_base64_and_checked() {
        let up = PhotoUpload {
            case_id: "c".into(),
            jpeg: TINY.to_vec(),
        };
        let json = serde_json::to_value(&up).unwrap();
        assert_eq!(json["images"], "/9j/4AAQSkZJRv/Z");
        let back: PhotoUpload = serde_json::from_value(json).unwrap();
        assert_eq!(back, up);
        assert!(up.validate().is_ok());
        let err = PhotoUpload {
            case_id: String::new(),
            jpeg: b"\x89PNG".to_vec(),
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.violations().len(), 2);
        assert!(err.has(
            "images",
            &partner_core::Rule::Format {
                expected: "a JPEG image (.jpg)".into()
            }
        ));
    }

    #[test]
    fn photos_decode_back_to_bytes() {
        let body = r#"[{"CaseID": "c", "Images": [{"FileName": "a.jpg", "Base64String": "/9j/4AAQ\nSkZJRv/Z"}]}]"#;
        let v: Vec<CasePhotos> = serde_json::from_str(body).unwrap();
        assert_eq!(v[0].images[0].bytes, TINY);
        assert!(is_jpeg(&v[0].images[0].bytes));
        assert!(
            serde_json::from_str::<Vec<CasePhotos>>(
                r#"[{"CaseID": "c", "Images": [{"Base64String": "/9j/ ... Q=="}]}]"#
            )
            .is_err()
        );
    }
}
