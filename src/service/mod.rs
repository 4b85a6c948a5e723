//! The use cases: one function per thing a user does, shared by the HTTP handlers and the
//! command line. A use case reads the store, takes the shared snapshot, runs the analysis
//! inside the time budget, applies the disclosure rule for the caller's role, and returns a
//! value both adapters render. Adapters parse, call and render; they never build a graph, apply
//! a privacy rule, or call two store methods in a row.
//!
//! The rules that cut across use cases live in one module each: [`disclosure`] (small cells),
//! [`snapshot::Scope`] (who is left out of what a role receives), [`budget`] (time, and how much
//! work one token may cause).

mod access;
pub mod budget;
mod crisis;
pub mod disclosure;
pub mod duplicates;
mod export;
pub mod figures;
pub mod forms;
pub mod intermediaries;
pub mod interviews;
mod plans;
mod records;
mod relay;
mod research;
pub mod snapshot;

use std::sync::Arc;
use std::time::Duration;

pub use budget::{Budget, Weight};
pub use crisis::{
    ActivationHead, ActivationList, ActivationReport, ActivationView, CallSheet, FailedRelay,
    Progress, ReportLine, StartActivation, Totals, Verification, VerifyTie,
};
pub use export::{ExportJob, ExportRequest};
pub use figures::{Aggregates, Dashboard, Stats};
pub use records::Card;
pub use relay::{
    CallListEntry, CommunityLabel, Contact, CoverageView, FailurePoint, MAX_VIEW_NODES, NamedView,
    ViewRequest,
};
pub use research::SummaryView;
pub use snapshot::{Scope, Snapshot, Snapshots};

use crate::analysis::AnalysisError;
use crate::domain::Caller;
use crate::store::{GraphStore, StoreError};

/// Why a use case could not answer.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The store failed or refused.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The analysis refused the query or was cancelled.
    #[error(transparent)]
    Analysis(#[from] AnalysisError),
    /// A request that makes no sense (`field` names the parameter at fault).
    #[error("{message}")]
    Invalid {
        /// A stable code for clients.
        code: &'static str,
        /// The parameter at fault.
        field: Option<&'static str>,
        /// What is wrong.
        message: String,
    },
    /// The caller's role may not have this.
    #[error("{0}")]
    Forbidden(String),
    /// No such thing.
    #[error("{0} not found")]
    NotFound(String),
    /// The caller already runs as many analyses as a token may.
    #[error("this token already runs {limit} analyses; wait for one to finish")]
    Busy {
        /// When to try again.
        retry_after: Duration,
        /// Analyses a token may run at once.
        limit: usize,
    },
    /// The work ran past its time budget.
    #[error("the work took longer than {} s", .0.as_secs())]
    Timeout(Duration),
    /// A bug or a failing dependency.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl ServiceError {
    /// An invalid request about one field.
    pub fn invalid(code: &'static str, field: &'static str, message: impl Into<String>) -> Self {
        Self::Invalid {
            code,
            field: Some(field),
            message: message.into(),
        }
    }
}

/// Everything the use cases share: the store, the snapshot of the network, the budget.
pub struct Services {
    store: Arc<dyn GraphStore>,
    snapshots: Arc<Snapshots>,
    budget: Arc<Budget>,
}

impl Services {
    /// The use cases over a store, with their snapshot cache and budget.
    pub fn new(store: Arc<dyn GraphStore>, snapshots: Snapshots, budget: Budget) -> Self {
        Self {
            store,
            snapshots: Arc::new(snapshots),
            budget: Arc::new(budget),
        }
    }

    /// For the command line: a fresh snapshot cache and no limits to speak of.
    pub fn command_line(store: Arc<dyn GraphStore>) -> Self {
        Self::new(store, Snapshots::default(), Budget::unlimited())
    }

    /// The store.
    pub fn store(&self) -> &Arc<dyn GraphStore> {
        &self.store
    }

    /// The budget (for the operators' counts).
    pub fn budget(&self) -> &Arc<Budget> {
        &self.budget
    }

    /// How many times the snapshot was built from a full read since the start.
    pub fn rebuilds(&self) -> u64 {
        self.snapshots.rebuilds()
    }

    /// How many times the snapshot was brought up to date from the change log since the start.
    pub fn updates(&self) -> u64 {
        self.snapshots.updates()
    }

    /// How many reach searches were made since the start.
    pub fn reach_searches(&self) -> u64 {
        self.snapshots.searches()
    }

    /// The snapshot to answer on.
    pub async fn snapshot(&self) -> Result<Arc<Snapshot>, ServiceError> {
        Ok(self.snapshots.current(&self.store).await?)
    }

    /// Admits the caller's work and, for whole-network work, waits for a permit; only then takes
    /// the snapshot, so that work waiting its turn holds no version of the network in memory.
    /// Waiting for the snapshot counts against the time budget too.
    async fn begin(
        &self,
        caller: &Caller,
        weight: Weight,
    ) -> Result<(budget::Admission, Arc<Snapshot>), ServiceError> {
        let mut admission = self.budget.admit(caller)?;
        if weight == Weight::WholeNetwork {
            admission.whole_network().await?;
        }
        match tokio::time::timeout(admission.remaining(), self.snapshot()).await {
            Ok(snapshot) => Ok((admission, snapshot?)),
            Err(_) => Err(ServiceError::Timeout(self.budget.timeout())),
        }
    }

    /// The figures of the caller's scope for the current snapshot, computed once per version.
    async fn figures(&self, caller: &Caller) -> Result<Arc<figures::Figures>, ServiceError> {
        let snapshot = self.snapshot().await?;
        let scope = Scope::of(caller.role);
        let budget = self.budget.timeout();
        let compute = || {
            let snapshot = snapshot.clone();
            async move {
                // Shared by every caller of this version: not cancelled when one of them leaves.
                let task = budget::on_heavy_pool(move || {
                    let never = std::sync::atomic::AtomicBool::new(false);
                    figures::compute(&snapshot, scope, &never)
                });
                task.await.map_err(|e| ServiceError::Internal(e.into()))?
            }
        };
        match tokio::time::timeout(budget, snapshot.figures(scope, compute)).await {
            Ok(figures) => figures,
            Err(_) => Err(ServiceError::Timeout(budget)),
        }
    }

    /// The dashboard's figures, as the caller's role may see them.
    pub async fn dashboard(&self, caller: &Caller) -> Result<Dashboard, ServiceError> {
        let audience = disclosure::Audience::of(caller.role);
        Ok(self.figures(caller).await?.dashboard(audience))
    }

    /// Counts by kind, as the caller's role may see them.
    pub async fn stats(&self, caller: &Caller) -> Result<Stats, ServiceError> {
        let audience = disclosure::Audience::of(caller.role);
        Ok(self.figures(caller).await?.stats(audience))
    }

    /// Migrants by city and first language, actors by kind, small cells withheld.
    pub async fn aggregates(&self, caller: &Caller) -> Result<Aggregates, ServiceError> {
        Ok(self.figures(caller).await?.aggregates())
    }

    /// The deployment's pseudonymizer: its key is a store secret, made on first use and the
    /// same ever after, from any process.
    pub async fn pseudonymizer(&self) -> Result<crate::export::Pseudonymizer, ServiceError> {
        let mut fresh = [0u8; 32];
        getrandom::fill(&mut fresh).map_err(|e| ServiceError::Internal(e.into()))?;
        let key = self
            .store
            .secret(crate::export::Pseudonymizer::SECRET_NAME, &fresh)
            .await?;
        Ok(crate::export::Pseudonymizer::new(&key))
    }

    /// The last imports (not dry runs): when, by whom, how they ended; for roles that see the
    /// network.
    pub async fn recent_imports(
        &self,
        caller: &Caller,
    ) -> Result<Vec<crate::domain::AuditEntry>, ServiceError> {
        if !caller.role.sees_personal_data() {
            return Ok(Vec::new());
        }
        let entries = self.store.audit(None, 500).await?;
        Ok(entries
            .into_iter()
            .filter(|e| e.action == "POST /api/v1/import" && e.target.as_deref() != Some("dry_run"))
            .take(5)
            .collect())
    }
}
