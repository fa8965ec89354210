//! Attempt timers reused from call to call.
//!
//! Every attempt is timed (its own timeout, cut to the call's deadline). A fresh
//! `tokio::time::Sleep` per attempt costs a lock of the runtime's time driver and a wheel
//! insert when it is first polled, and the same again to remove it when it is dropped: in the
//! overhead bench about 1.5 % of a typed call's CPU. A `Sleep` that stays registered can
//! instead be moved to a later deadline with one atomic compare-and-swap (tokio extends a
//! registered timer in place). Attempts of one client have deadlines that only grow, so a
//! client keeps the `Sleep`s its finished attempts used and hands them to the next ones.
//!
//! A `Sleep` belongs to the runtime that made it (its time driver, its clock, paused or not),
//! so each one is kept with its runtime's id and only given to an attempt on that runtime.
//! A kept `Sleep` whose old deadline passes fires once, waking the task that last polled it:
//! a spurious wake-up, which futures allow, at most once per kept timer and timeout period.

use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::task::{Context, Poll, ready};

use tokio::runtime::{Handle, Id};
use tokio::time::{Instant, Sleep};

/// At most this many idle timers are kept per client (one per attempt that ran at the same
/// time as others, up to this many); more are dropped.
const KEEP: usize = 64;

/// The timers a client's finished attempts leave for the next ones.
#[derive(Default)]
pub(crate) struct Timers {
    idle: Mutex<Vec<(Id, Pin<Box<Sleep>>)>>,
}

impl std::fmt::Debug for Timers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Timers").finish_non_exhaustive()
    }
}

impl Timers {
    /// Runs `attempt` until it finishes (`Some`) or `at` passes (`None`). A future of its
    /// own rather than an async fn: an async fn would hold `attempt` twice in its state (as
    /// passed and pinned), and an attempt's state is most of a call's.
    pub(crate) fn run<F: Future>(&self, at: Instant, attempt: F) -> Timed<'_, F> {
        let runtime = Handle::current().id();
        Timed {
            attempt,
            sleep: Some(self.take(runtime, at)),
            timers: self,
            runtime,
        }
    }

    fn take(&self, runtime: Id, at: Instant) -> Pin<Box<Sleep>> {
        let kept = {
            let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
            idle.iter()
                .rposition(|(id, _)| *id == runtime)
                .map(|i| idle.swap_remove(i).1)
        };
        match kept {
            Some(mut sleep) => {
                // A later deadline than the kept one (the usual case) is a compare-and-swap;
                // an earlier one, or a timer that already fired, registers again.
                sleep.as_mut().reset(at);
                sleep
            }
            None => Box::pin(tokio::time::sleep_until(at)),
        }
    }

    fn keep(&self, runtime: Id, sleep: Pin<Box<Sleep>>) {
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() >= KEEP {
            // The oldest goes (it may belong to a runtime that is gone).
            drop(idle.remove(0));
        }
        idle.push((runtime, sleep));
    }
}

pin_project_lite::pin_project! {
    /// An attempt under a kept timer; see [`Timers::run`].
    pub(crate) struct Timed<'a, F> {
        #[pin]
        attempt: F,
        sleep: Option<Pin<Box<Sleep>>>,
        timers: &'a Timers,
        runtime: Id,
    }
}

impl<F: Future> Future for Timed<'_, F> {
    type Output = Option<F::Output>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let out = match this.attempt.poll(cx) {
            Poll::Ready(out) => Some(out),
            Poll::Pending => {
                let Some(sleep) = this.sleep.as_mut() else {
                    return Poll::Pending;
                };
                ready!(sleep.as_mut().poll(cx));
                None
            }
        };
        // Finished either way: the timer goes back for the next attempt. (An attempt dropped
        // unfinished drops its timer with it.)
        if let Some(sleep) = this.sleep.take() {
            this.timers.keep(*this.runtime, sleep);
        }
        Poll::Ready(out)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[tokio::test(start_paused = true)]
    async fn an_attempt_that_finishes_in_time_gives_its_answer_and_keeps_the_timer() {
        let timers = Timers::default();
        let at = Instant::now() + Duration::from_secs(30);
        let out = timers
            .run(at, async {
                tokio::time::sleep(Duration::from_secs(1)).await;
                7
            })
            .await;
        assert_eq!(out, Some(7));
        assert_eq!(timers.idle.lock().unwrap().len(), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn a_kept_timer_still_fires_at_the_next_deadline() {
        let timers = Timers::default();
        let start = Instant::now();
        // The first attempt leaves its timer (deadline start + 5 s) behind.
        assert_eq!(
            timers
                .run(start + Duration::from_secs(5), async { 1 })
                .await,
            Some(1)
        );
        // Later deadline: the kept timer is moved out in place and must fire there.
        let out = timers
            .run(
                start + Duration::from_secs(10),
                std::future::pending::<u32>(),
            )
            .await;
        assert_eq!(out, None);
        assert_eq!(Instant::now() - start, Duration::from_secs(10));
        // Earlier deadline than the kept one (which now fired): registered again, and fires.
        let before = Instant::now();
        let out = timers
            .run(
                before + Duration::from_secs(2),
                std::future::pending::<u32>(),
            )
            .await;
        assert_eq!(out, None);
        assert_eq!(Instant::now() - before, Duration::from_secs(2));
    }

    #[tokio::test(start_paused = true)]
    async fn a_kept_timer_moved_to_an_earlier_deadline_fires_there_not_at_the_old_one() {
        let timers = Timers::default();
        let start = Instant::now();
        assert_eq!(
            timers
                .run(start + Duration::from_secs(60), async { 1 })
                .await,
            Some(1)
        );
        let out = timers
            .run(
                start + Duration::from_secs(3),
                std::future::pending::<u32>(),
            )
            .await;
        assert_eq!(out, None);
        assert_eq!(Instant::now() - start, Duration::from_secs(3));
    }

    #[test]
    fn timers_of_a_runtime_that_is_gone_are_not_used_on_another() {
        let timers = Timers::default();
        let first = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        first.block_on(async {
            timers
                .run(Instant::now() + Duration::from_secs(30), async {})
                .await
        });
        drop(first);
        let second = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .build()
            .unwrap();
        // Polling the first runtime's timer here would panic (its driver is shut down).
        let out = second.block_on(async {
            timers
                .run(
                    Instant::now() + Duration::from_millis(500),
                    std::future::pending::<()>(),
                )
                .await
        });
        assert_eq!(out, None);
        assert_eq!(timers.idle.lock().unwrap().len(), 2);
    }
}
