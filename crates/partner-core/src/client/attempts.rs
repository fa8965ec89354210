//! One call's attempts: credentials, quota, the attempt under its timer, the retry decision
//! and backoff, until an answer to return or a failure to report.

use std::future::Future;
use std::time::{Duration, SystemTime};

use http::StatusCode;
use tokio::time::Instant;

use super::Client;
use crate::endpoint::Operation;
use crate::error::{Error, RequestSent, TransportErrorKind};
use crate::ratelimit::QuotaTracker;
use crate::request::Request;
use crate::retry::{Attempt, Decision, Outcome, RetryBudget, StopReason, decide};
use crate::transport::{HttpRequest, HttpResponse, TransportError};

impl Client {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn run<'a>(
        &'a self,
        op: &'static Operation,
        http: HttpRequest,
        req: &'a Request,
        deadline: Duration,
        start: Instant,
        deadline_at: Instant,
        traced: bool,
    ) -> impl Future<Output = Result<HttpResponse, Error>> + 'a {
        // `http` is this call's one request slot: the first attempt sends the request built
        // for it, and a later one (rare) builds it again into the same slot.
        let mut http = http;
        async move {
            let s = &self.shared;
            let mut sent = RequestSent::No;
            let timed_out = |sent| Error::Timeout {
                operation: op.name,
                deadline,
                sent,
            };
            let idempotent = op.is_idempotent() || req.options.retry_unsafe;
            let max_attempts = req.options.max_attempts.unwrap_or(u32::MAX).max(1);
            let mut number = 0u32;
            let mut relogged = false;
            loop {
                number += 1;
                // A cached credential is ready at once: no future, no timer. A login (rare) is
                // boxed, so its state does not enlarge every call's future, and bounded.
                let ticket = match self.auth.authenticate_now(op.name, &mut http) {
                    Some(ready) => ready?,
                    None => Box::pin(tokio::time::timeout_at(
                        deadline_at,
                        self.auth.authenticate(op.name, &mut http),
                    ))
                    .await
                    .map_err(|_| timed_out(sent))??,
                };
                if let Some(q) = &s.quota
                    && q.reserve_ready() != Some(None)
                {
                    // The quota is spent, or its store needs I/O: the slow path, boxed.
                    Box::pin(self.quota_wait(op, q, deadline_at, sent)).await?;
                }
                // This attempt's timer: its own timeout, cut to what is left of the deadline. The
                // client keeps it, so a call arms one timer per attempt.
                let now = Instant::now();
                let attempt_at = (now + http.timeout.unwrap_or(s.timeout)).min(deadline_at);
                // Told to the transport too (a custom one may use it); the built-in one leaves
                // the timer to the client.
                http.timeout = Some(attempt_at - now);
                sent = sent.max(RequestSent::Maybe);
                let result = match s.timers.run(attempt_at, s.transport.send(http)).await {
                    Some(result) => result,
                    None if attempt_at >= deadline_at => return Err(timed_out(sent)),
                    None => Err(TransportError::new(
                        TransportErrorKind::Timeout,
                        RequestSent::Maybe,
                        "the attempt timed out",
                    )),
                };
                if traced {
                    let span = tracing::Span::current();
                    span.record("attempt", number);
                    span.record("elapsed_ms", start.elapsed().as_millis() as u64);
                }
                match &result {
                    Ok(_) => sent = RequestSent::Yes,
                    Err(e) if number == 1 => sent = e.sent,
                    Err(e) => sent = sent.max(e.sent),
                }
                if let Ok(resp) = &result {
                    if traced {
                        tracing::Span::current().record("status", resp.status.as_u16());
                    }
                    if let Some(q) = &s.quota
                        && !q.record_ready(&resp.headers)
                    {
                        Box::pin(q.record(&resp.headers)).await;
                    }
                    if resp.status.is_success() {
                        // Nearly every call ends here; a success is never retried.
                        if number == 1 {
                            s.budget.refund(1);
                        }
                        return self.finish(op, result);
                    }
                    if resp.status == StatusCode::UNAUTHORIZED
                        && !relogged
                        && self.auth.unauthorized(ticket)
                    {
                        // The credential was refused: fetch a fresh one and try once more. This does
                        // not count as a retry: the vendor did nothing with the refused request.
                        relogged = true;
                        number -= 1;
                        tracing::debug!("401: credentials dropped, retrying once");
                        http = self.build_request(req)?;
                        continue;
                    }
                }
                let outcome = match &result {
                    Ok(resp) => Outcome::Response {
                        status: resp.status,
                        headers: &resp.headers,
                    },
                    Err(e) => Outcome::Transport {
                        kind: e.kind,
                        sent: e.sent,
                    },
                };
                let attempt = Attempt {
                    number,
                    elapsed: start.elapsed(),
                    idempotent,
                    max_attempts,
                    deadline_left: deadline_at.saturating_duration_since(Instant::now()),
                };
                let decision = decide(
                    &s.retry,
                    attempt,
                    outcome,
                    fastrand::f64(),
                    SystemTime::now(),
                );
                match decision {
                    Decision::RetryAfter(wait) => {
                        let cost = match &result {
                            Err(e) if e.kind == TransportErrorKind::Timeout => {
                                RetryBudget::TIMEOUT_RETRY_COST
                            }
                            _ => RetryBudget::RETRY_COST,
                        };
                        if !s.budget.try_acquire(cost) {
                            tracing::debug!("retry budget exhausted");
                            return self.finish(op, result);
                        }
                        tracing::debug!(wait_ms = wait.as_millis() as u64, "retrying");
                        Box::pin(tokio::time::sleep(wait)).await;
                        http = self.build_request(req)?;
                    }
                    Decision::Stop(reason) => {
                        if reason != StopReason::Final {
                            // Retryable, but the policy, the operation or the deadline says no.
                            tracing::debug!(?reason, "not retrying");
                        }
                        return self.finish(op, result);
                    }
                }
            }
        }
    }

    /// The quota is spent (or its store needs I/O): wait for its reset when that fits the
    /// deadline, else let the caller decide now rather than sleep past it.
    async fn quota_wait(
        &self,
        op: &'static Operation,
        q: &QuotaTracker,
        deadline_at: Instant,
        sent: RequestSent,
    ) -> Result<(), Error> {
        while let Some(wait) = q.reserve_wait().await {
            if wait > deadline_at.saturating_duration_since(Instant::now()) {
                return Err(Error::RateLimited {
                    operation: op.name,
                    retry_after: Some(wait),
                    quota: self.quota(),
                    sent,
                });
            }
            tracing::debug!(
                wait_ms = wait.as_millis() as u64,
                "quota spent, waiting for its reset"
            );
            tokio::time::sleep(wait).await;
        }
        Ok(())
    }

    fn finish(
        &self,
        op: &'static Operation,
        result: Result<HttpResponse, TransportError>,
    ) -> Result<HttpResponse, Error> {
        result.map_err(|e| match e.kind {
            TransportErrorKind::TooLarge => Error::ResponseTooLarge {
                operation: op.name,
                limit: self.shared.max_response_bytes,
                status: e
                    .source
                    .to_string()
                    .rsplit("HTTP ")
                    .next()
                    .and_then(|t| t.get(..3))
                    .and_then(|t| t.parse().ok())
                    .unwrap_or(0),
            },
            _ => Error::Transport {
                operation: op.name,
                kind: e.kind,
                sent: e.sent,
                source: e.source,
            },
        })
    }
}
