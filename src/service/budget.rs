//! How much work one request may cause: the time budget, the limit of analyses running at once
//! per token, and the few permits for work over the whole network (exports, metrics, the view),
//! whose memory grows with the network.
//!
//! Work runs on tokio's blocking pool with a cancel flag that is raised when the request goes
//! away (answered, timed out, or its client hung up), so an abandoned analysis stops at its next
//! check instead of running on for nobody. The count of analyses still running is what operators
//! (and the tests) watch to see that they do stop.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::ServiceError;
use crate::domain::Caller;

/// Analyses one token may run at once by default.
pub const DEFAULT_ANALYSES_PER_TOKEN: usize = 2;

/// Whole-network jobs (exports, metrics, views, summaries) the server runs at once by default:
/// each holds a copy of the network in memory.
pub const DEFAULT_WHOLE_NETWORK_JOBS: usize = 1;

/// The threads heavy work runs on: as many as there are cores, at a lower scheduling priority
/// (nice 10) than the threads that answer requests, so that a busy analysis never makes
/// `/healthz` or a page wait for a core. Analyses, snapshot builds and per-version figures run
/// here (rayon's parallel loops inside them included).
pub fn heavy_pool() -> &'static rayon::ThreadPool {
    static POOL: std::sync::OnceLock<rayon::ThreadPool> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("relaymap-heavy-{i}"))
            .start_handler(|_| lower_priority())
            .build()
            .expect("the heavy work's threads start")
    })
}

/// The one thread that brings the snapshot up to date from the change log, at the requests'
/// priority: every analysis after a write waits for that update, and on the heavy pool's lower
/// priority a busy server would keep it waiting for a core. One thread, as updates run one at a
/// time: their large arrays are made and freed in one allocator arena, not in whichever of the
/// blocking threads ran the last one.
fn update_pool() -> &'static rayon::ThreadPool {
    static POOL: std::sync::OnceLock<rayon::ThreadPool> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .thread_name(|_| "relaymap-update".into())
            .build()
            .expect("the update thread starts")
    })
}

/// Runs a snapshot update on its thread (see [`update_pool`]), from async code.
pub async fn on_update_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, tokio::task::JoinError> {
    tokio::task::spawn_blocking(move || update_pool().install(work)).await
}

/// Runs blocking work on the heavy pool, from async code.
pub async fn on_heavy_pool<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, tokio::task::JoinError> {
    // The blocking thread only waits for the pool; the pool's threads do the work.
    tokio::task::spawn_blocking(move || heavy_pool().install(work)).await
}

/// Lowers the calling thread's scheduling priority (Linux: `setpriority` on a thread id acts on
/// that thread alone); elsewhere, nothing.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid has no preconditions; setpriority only changes this thread's nice value,
    // and a failure leaves it as it was.
    unsafe {
        let thread = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, thread, 10);
    }
}

/// What a unit of work needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// It reads the shared relay graph only (reach, coverage).
    Graph,
    /// It copies or walks the whole network (exports, metrics, summaries, views): one of the
    /// few whole-network permits.
    WholeNetwork,
}

/// The limits, shared by every request of a server.
pub struct Budget {
    timeout: Duration,
    per_token: usize,
    whole_network: Arc<Semaphore>,
    running_by_token: Mutex<HashMap<String, usize>>,
    running: Arc<AtomicUsize>,
}

impl Budget {
    /// Work may take `timeout`; each token may run `per_token` analyses at once; `whole_network`
    /// whole-network jobs run at once, whoever asks.
    pub fn new(timeout: Duration, per_token: usize, whole_network: usize) -> Self {
        Self {
            timeout,
            per_token: per_token.max(1),
            whole_network: Arc::new(Semaphore::new(whole_network.max(1))),
            running_by_token: Mutex::new(HashMap::new()),
            running: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// No limits to speak of, for the command line: one local user, a day's budget.
    pub fn unlimited() -> Self {
        Self::new(Duration::from_secs(86_400), usize::MAX, 64)
    }

    /// How long work may take.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Analyses running on the blocking pool now (work whose request went away stops within a
    /// second, and leaves this count).
    pub fn running(&self) -> usize {
        self.running.load(Ordering::Relaxed)
    }

    /// Takes one of the caller's analysis slots, or says when to come back.
    pub fn admit(self: &Arc<Self>, caller: &Caller) -> Result<Admission, ServiceError> {
        let mut running = self
            .running_by_token
            .lock()
            .expect("the budget lock is never poisoned");
        let slots = running.entry(caller.token.clone()).or_default();
        if *slots >= self.per_token {
            return Err(ServiceError::Busy {
                retry_after: Duration::from_secs(2),
                limit: self.per_token,
            });
        }
        *slots += 1;
        Ok(Admission {
            budget: self.clone(),
            token: caller.token.clone(),
            started: Instant::now(),
            permit: None,
        })
    }
}

/// One admitted request's claim on the budget: its analysis slot (given back when dropped),
/// when its clock started, and its whole-network permit once it has one.
pub struct Admission {
    budget: Arc<Budget>,
    token: String,
    started: Instant,
    permit: Option<OwnedSemaphorePermit>,
}

impl Drop for Admission {
    fn drop(&mut self) {
        let mut running = self
            .budget
            .running_by_token
            .lock()
            .expect("the budget lock is never poisoned");
        if let Some(slots) = running.get_mut(&self.token) {
            *slots -= 1;
            if *slots == 0 {
                running.remove(&self.token);
            }
        }
    }
}

/// Raises the cancel flag when the request's future is dropped (answered, timed out, or the
/// client left), so the blocking work stops at its next check.
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Counts one analysis as running until the blocking work itself ends.
struct Running(Arc<AtomicUsize>);

impl Running {
    fn start(counter: &Arc<AtomicUsize>) -> Self {
        counter.fetch_add(1, Ordering::Relaxed);
        Self(counter.clone())
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Admission {
    /// What is left of the time budget.
    pub fn remaining(&self) -> Duration {
        self.budget.timeout.saturating_sub(self.started.elapsed())
    }

    /// Waits for a whole-network permit (kept until this admission ends, so that what the job
    /// holds in memory is covered too), within the time budget.
    pub async fn whole_network(&mut self) -> Result<(), ServiceError> {
        if self.permit.is_some() {
            return Ok(());
        }
        let acquire = self.budget.whole_network.clone().acquire_owned();
        match tokio::time::timeout(self.remaining(), acquire).await {
            Ok(permit) => {
                self.permit = Some(permit.expect("the semaphore is never closed"));
                Ok(())
            }
            Err(_) => Err(ServiceError::Timeout(self.budget.timeout)),
        }
    }

    /// Runs blocking work within what is left of the time budget, taking a whole-network permit
    /// first when the work needs one. Past the budget the answer is a timeout, and the work is
    /// told to stop (through the flag) whenever the caller stops waiting.
    pub async fn run<T: Send + 'static>(
        &mut self,
        weight: Weight,
        work: impl FnOnce(&AtomicBool) -> Result<T, ServiceError> + Send + 'static,
    ) -> Result<T, ServiceError> {
        if weight == Weight::WholeNetwork {
            self.whole_network().await?;
        }
        let cancel = Arc::new(AtomicBool::new(false));
        let _guard = CancelOnDrop(cancel.clone());
        let counter = self.budget.running.clone();
        let task = on_heavy_pool(move || {
            let _running = Running::start(&counter);
            work(&cancel)
        });
        match tokio::time::timeout(self.remaining(), task).await {
            Ok(joined) => joined.map_err(|e| ServiceError::Internal(e.into()))?,
            Err(_) => Err(ServiceError::Timeout(self.budget.timeout)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;

    fn caller(token: &str) -> Caller {
        Caller {
            label: "test".into(),
            role: Role::Coordinator,
            token: token.into(),
        }
    }

    #[tokio::test]
    async fn a_token_gets_its_slots_and_no_more_until_one_is_given_back() {
        let budget = Arc::new(Budget::new(Duration::from_secs(5), 2, 1));
        let first = budget.admit(&caller("a")).unwrap();
        let _second = budget.admit(&caller("a")).unwrap();
        assert!(matches!(
            budget.admit(&caller("a")),
            Err(ServiceError::Busy { limit: 2, .. })
        ));
        // Another token is not held up.
        let _other = budget.admit(&caller("b")).unwrap();
        drop(first);
        assert!(budget.admit(&caller("a")).is_ok());
    }

    #[tokio::test]
    async fn abandoned_work_is_told_to_stop_and_leaves_the_running_count() {
        let budget = Arc::new(Budget::new(Duration::from_secs(60), 2, 1));
        let mut admission = budget.admit(&caller("a")).unwrap();
        let work = admission.run(Weight::Graph, |cancel| {
            while !cancel.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(5));
            }
            Ok(())
        });
        // The caller stops waiting after a moment, as a client that hangs up does.
        let _ = tokio::time::timeout(Duration::from_millis(100), work).await;
        let deadline = Instant::now() + Duration::from_secs(5);
        while budget.running() > 0 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert_eq!(budget.running(), 0);
    }

    #[tokio::test]
    async fn work_past_the_budget_is_a_timeout() {
        let budget = Arc::new(Budget::new(Duration::from_millis(50), 2, 1));
        let mut admission = budget.admit(&caller("a")).unwrap();
        let outcome = admission
            .run(Weight::WholeNetwork, |cancel| {
                while !cancel.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Ok(())
            })
            .await;
        assert!(matches!(outcome, Err(ServiceError::Timeout(_))));
    }
}
