//! A watchdog for the cases: the fuzzing thread reports each case as it starts, and a second
//! thread stops the run when one case takes longer than its limit, so a hang is a failure with
//! the case's name, not a stuck run (stable Rust has no fuzzer with a built-in timeout).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

/// What the fuzzing thread shares with the watchdog: how many cases have started, and the
/// number of the one running now.
#[derive(Clone, Default)]
pub struct Heartbeat(Arc<(AtomicU64, AtomicU64)>);

impl Heartbeat {
    /// Case `index` starts.
    pub fn beat(&self, index: u64) {
        self.0 .1.store(index, Ordering::Relaxed);
        self.0 .0.fetch_add(1, Ordering::Relaxed);
    }

    /// The number of the case running now (0 before any).
    pub fn case(&self) -> u64 {
        self.0 .1.load(Ordering::Relaxed)
    }

    fn started(&self) -> u64 {
        self.0 .0.load(Ordering::Relaxed)
    }
}

/// Watches `heartbeat` from a thread of its own; when one case has run for `limit()` (asked
/// afresh, as the limit depends on the target running), calls `on_hang` with its number.
pub fn watch(
    heartbeat: Heartbeat,
    limit: impl Fn() -> Duration + Send + 'static,
    on_hang: impl FnOnce(u64) + Send + 'static,
) {
    thread::spawn(move || {
        let mut last = heartbeat.started();
        let mut since = Instant::now();
        loop {
            let limit = limit();
            thread::sleep((limit / 10).clamp(Duration::from_millis(1), Duration::from_millis(100)));
            let now = heartbeat.started();
            if now != last {
                last = now;
                since = Instant::now();
            } else if now > 0 && since.elapsed() >= limit {
                on_hang(heartbeat.case());
                return;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn a_case_that_overruns_its_limit_is_named() {
        let heartbeat = Heartbeat::default();
        let (tx, rx) = mpsc::channel();
        // A limit a hundred times the quick cases' time: a busy machine (the suite's other
        // jobs on two cores) can stretch a 5 ms sleep, not tenfold past this.
        watch(
            heartbeat.clone(),
            || Duration::from_millis(500),
            move |index| {
                tx.send(index).unwrap();
            },
        );
        for index in 0..20 {
            heartbeat.beat(index);
            thread::sleep(Duration::from_millis(5));
        }
        heartbeat.beat(20);
        let hung = rx
            .recv_timeout(Duration::from_secs(5))
            .expect("the watchdog fired");
        assert_eq!(hung, 20, "the case that overran, not a quick one before it");
    }

    #[test]
    fn quick_cases_never_trip_it() {
        let heartbeat = Heartbeat::default();
        let (tx, rx) = mpsc::channel();
        watch(
            heartbeat.clone(),
            || Duration::from_millis(500),
            move |index| {
                let _ = tx.send(index);
            },
        );
        // Three times the limit, so the watchdog looks many times while the cases run.
        let start = Instant::now();
        let mut index = 0;
        while start.elapsed() < Duration::from_millis(1_500) {
            heartbeat.beat(index);
            index += 1;
        }
        // The run is over: nothing beats any more, but nothing fired while it ran.
        assert!(rx.try_recv().is_err());
    }
}
