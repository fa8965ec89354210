//! Decoding answers into typed models, with errors that name the JSON path that failed.

use serde::de::DeserializeOwned;

use crate::error::Error;

/// Decodes JSON, naming the path of the field that failed.
pub fn decode_json<T: DeserializeOwned>(operation: &'static str, body: &[u8]) -> Result<T, Error> {
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(de).map_err(|e| Error::decode(operation, e, body))
}

/// Like [`decode_json`] for bodies that may carry credentials (login answers): the error
/// still names the JSON path that failed, but holds no excerpt of the body and no value serde
/// would have quoted (`invalid type: string "eyJ…"`).
pub fn decode_json_secret<T: DeserializeOwned>(
    operation: &'static str,
    body: &[u8],
) -> Result<T, Error> {
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let message = match e.inner().classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                "the body is not valid JSON"
            }
            serde_json::error::Category::Io => "the body could not be read",
            serde_json::error::Category::Data => "a value has the wrong type or is missing",
        };
        Error::Decode {
            operation,
            path,
            message: message.to_owned(),
            excerpt: "<withheld: the body may hold a credential>".to_owned(),
        }
    })
}

