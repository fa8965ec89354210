//! Decoding never panics, whatever arrives. [`check_vendor`] feeds a vendor's decode path
//! (the same function as [`crate::variants::check_vendor`]) seeded random answers built from
//! its fixtures: values of the wrong type, huge and tiny numbers, deep nesting, odd unicode,
//! keys removed, lists where objects belong, bodies cut at any byte, and random JSON from
//! scratch. Every outcome must be a value or a typed error (`Decode` naming where it failed,
//! or a vendor's `Rejected` for a well-formed failure answer); a panic fails the test with the
//! seed and the body that caused it.
//!
//! Cases per vendor: `PARTNER_FUZZ_CASES` (default 100,000); seed: `PARTNER_FUZZ_SEED`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use partner_core::Error;
use serde_json::{Map, Number, Value};

use crate::fixture::load_fixtures;

/// The default number of cases per vendor.
pub const DEFAULT_CASES: usize = 100_000;

/// What a run saw.
#[derive(Debug, Default)]
pub struct FuzzReport {
    /// Cases decoded in all.
    pub cases: usize,
    /// Cases that decoded to a value.
    pub decoded: usize,
    /// Cases refused with a typed error.
    pub refused: usize,
}

fn cases_from_env() -> usize {
    std::env::var("PARTNER_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

fn seed_from_env() -> u64 {
    std::env::var("PARTNER_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5EED_F00D)
}

/// Runs `PARTNER_FUZZ_CASES` cases against `decode` (operation, body → `None` when the
/// operation has no JSON answer) and panics on the first panic or untyped outcome.
pub fn check_vendor<F>(vendor: &str, decode: F) -> FuzzReport
where
    F: Fn(&str, &[u8]) -> Option<Result<(), Error>>,
{
    run(vendor, cases_from_env(), seed_from_env(), decode)
}

/// Runs `cases` cases from `seed`.
pub fn run<F>(vendor: &str, cases: usize, seed: u64, decode: F) -> FuzzReport
where
    F: Fn(&str, &[u8]) -> Option<Result<(), Error>>,
{
    let fixtures = load_fixtures(vendor).unwrap_or_else(|e| panic!("{vendor} fixtures: {e}"));
    let answers: Vec<(String, Value)> = fixtures
        .into_iter()
        .filter(|f| (200..300).contains(&f.response.status))
        .filter_map(|f| f.response.body.map(|b| (f.operation, b)))
        .filter(|(op, b)| {
            // Only operations the vendor decodes as JSON.
            decode(op, &serde_json::to_vec(b).unwrap_or_default()).is_some()
        })
        .collect();
    assert!(
        !answers.is_empty(),
        "no {vendor} fixture answer to start from"
    );
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut report = FuzzReport::default();
    for case in 0..cases {
        let (op, base) = &answers[rng.usize(..answers.len())];
        let body = make_case(&mut rng, base);
        let outcome = catch_unwind(AssertUnwindSafe(|| decode(op, &body)));
        report.cases += 1;
        match outcome {
            Err(_) => panic!(
                "{vendor} {op}: decoding panicked on case {case} (seed {seed}); body: {}",
                String::from_utf8_lossy(&body[..body.len().min(2000)])
            ),
            Ok(None) | Ok(Some(Ok(()))) => report.decoded += 1,
            Ok(Some(Err(Error::Decode { .. } | Error::Rejected { .. }))) => report.refused += 1,
            Ok(Some(Err(other))) => panic!(
                "{vendor} {op}: case {case} (seed {seed}) failed with an error that is not a decode error: {other}"
            ),
        }
    }
    report
}

/// One case: a mutated fixture answer (most), a body cut short, deep nesting or random JSON.
fn make_case(rng: &mut fastrand::Rng, base: &Value) -> Vec<u8> {
    match rng.u8(..10) {
        0..=5 => {
            let mut v = base.clone();
            for _ in 0..rng.usize(1..4) {
                mutate(rng, &mut v);
            }
            serde_json::to_vec(&v).unwrap_or_default()
        }
        6 => {
            let text = serde_json::to_vec(base).unwrap_or_default();
            let cut = rng.usize(..=text.len());
            text[..cut].to_vec()
        }
        7 => {
            let depth = rng.usize(1..5000);
            let (open, close) = if rng.bool() {
                ("[", "]")
            } else {
                ("{\"a\":", "}")
            };
            let mut s = open.repeat(depth);
            s.push('1');
            s.push_str(&close.repeat(depth));
            s.into_bytes()
        }
        8 => serde_json::to_vec(&random_value(rng, 4)).unwrap_or_default(),
        _ => {
            // Raw text JSON cannot express as a Value: lone surrogates, NUL, odd escapes,
            // numbers past f64.
            const ODD: &[&str] = &[
                "\"\\ud800\"",
                "\"\\u0000\"",
                "1e400",
                "-1e400",
                "123456789012345678901234567890",
                "\"\u{FEFF}\"",
                "[1,]",
                "{\"a\":1,}",
                "nul",
                "\u{0}",
                "",
                "   ",
            ];
            let odd = ODD[rng.usize(..ODD.len())];
            let mut text = serde_json::to_string(base).unwrap_or_default();
            // Put it at a random value position: after a random colon, or whole.
            let colons: Vec<usize> = text.match_indices(':').map(|(i, _)| i).collect();
            if colons.is_empty() || rng.bool() {
                return odd.as_bytes().to_vec();
            }
            let at = colons[rng.usize(..colons.len())] + 1;
            text.insert_str(at, odd);
            text.into_bytes()
        }
    }
}

/// Replaces, removes or reshapes one value somewhere in `v`.
fn mutate(rng: &mut fastrand::Rng, v: &mut Value) {
    // Choose a random path first (a JSON pointer), then change what it points at.
    let mut pointer = String::new();
    let mut parent_pointer = None;
    let mut cur: &Value = v;
    while rng.u8(..3) != 0 {
        let step = match cur {
            Value::Object(map) if !map.is_empty() => {
                let key = map
                    .keys()
                    .nth(rng.usize(..map.len()))
                    .cloned()
                    .unwrap_or_default();
                let next = &map[&key];
                (key.replace('~', "~0").replace('/', "~1"), next)
            }
            Value::Array(items) if !items.is_empty() => {
                let i = rng.usize(..items.len());
                (i.to_string(), &items[i])
            }
            _ => break,
        };
        parent_pointer = Some(pointer.clone());
        pointer.push('/');
        pointer.push_str(&step.0);
        cur = step.1;
    }
    // Sometimes remove the key altogether.
    if let Some(parent) = &parent_pointer
        && rng.u8(..6) == 0
        && let Some(Value::Object(map)) = v.pointer_mut(parent)
    {
        let key = pointer
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .replace("~1", "/")
            .replace("~0", "~");
        map.remove(&key);
        return;
    }
    let Some(target) = v.pointer_mut(&pointer) else {
        return;
    };
    *target = match rng.u8(..6) {
        0 => Value::Null,
        1 => Value::Array(vec![target.take(), random_value(rng, 1)]),
        2 => {
            let mut m = Map::new();
            m.insert("value".into(), target.take());
            Value::Object(m)
        }
        _ => random_value(rng, 2),
    };
}

fn random_value(rng: &mut fastrand::Rng, depth: usize) -> Value {
    let pick = if depth == 0 { rng.u8(..5) } else { rng.u8(..7) };
    match pick {
        0 => Value::Null,
        1 => Value::Bool(rng.bool()),
        2 => random_number(rng),
        3 | 4 => Value::String(random_string(rng)),
        5 => Value::Array(
            (0..rng.usize(..4))
                .map(|_| random_value(rng, depth - 1))
                .collect(),
        ),
        _ => Value::Object(
            (0..rng.usize(..4))
                .map(|_| (random_string(rng), random_value(rng, depth - 1)))
                .collect(),
        ),
    }
}

fn random_number(rng: &mut fastrand::Rng) -> Value {
    match rng.u8(..6) {
        0 => Value::Number(Number::from(u64::MAX)),
        1 => Value::Number(Number::from(i64::MIN)),
        2 => Number::from_f64(f64::MAX).map_or(Value::Null, Value::Number),
        3 => Number::from_f64(-1e-300).map_or(Value::Null, Value::Number),
        4 => Value::Number(Number::from(rng.i64(..))),
        _ => Number::from_f64(rng.f64() * 1e6).map_or(Value::Null, Value::Number),
    }
}

fn random_string(rng: &mut fastrand::Rng) -> String {
    const PIECES: &[&str] = &[
        "",
        "a",
        "Tamil Nadu",
        "2026-13-45",
        "2022-04-06T06:05:00.528Z",
        "0001-01-01T00:00:00Z",
        "-1",
        "1e309",
        "null",
        "true",
        "\u{1F697}",
        "\u{202E}rtl",
        "\u{0}",
        "ß\u{301}",
        "*1,000.00",
        "1,000.00F",
        "\"quoted\"",
    ];
    let mut s = String::new();
    for _ in 0..rng.usize(1..3) {
        s.push_str(PIECES[rng.usize(..PIECES.len())]);
    }
    if rng.u8(..20) == 0 {
        s.push_str(&"x".repeat(rng.usize(1000..20000)));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases_are_reproducible_and_varied() {
        let base = serde_json::json!({"a": [1, {"b": "c"}], "d": null});
        let gen_all = |seed| {
            let mut rng = fastrand::Rng::with_seed(seed);
            (0..200)
                .map(|_| make_case(&mut rng, &base))
                .collect::<Vec<_>>()
        };
        let first = gen_all(1);
        assert_eq!(first, gen_all(1));
        assert!(
            first
                .iter()
                .any(|c| serde_json::from_slice::<Value>(c).is_err())
        );
        assert!(
            first
                .iter()
                .any(|c| serde_json::from_slice::<Value>(c).is_ok())
        );
    }
}
