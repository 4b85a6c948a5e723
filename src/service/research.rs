//! The research use cases: the graph summary with its degree histogram, and per-actor metrics.
//! Both are computed on the part of the network the caller's role may receive (analysts: the
//! consenting part, the very network their exports hold) and disclosed by the one rule.

use super::disclosure::{Audience, Table};
use super::snapshot::{Scope, SummaryFigures};
use super::{ServiceError, Services, Weight};
use crate::analysis::{
    MetricsOptions, MetricsTable, Summary, actor_metrics, degree_histogram, summary,
};
use crate::domain::Caller;

/// A summary as a role may see it, and the degree histogram (relaying actors per doubling bin
/// of degree; `None` where withheld).
#[derive(Debug, Clone)]
pub struct SummaryView {
    /// The summary; its per-city and per-language breakdowns leave out withheld groups.
    pub summary: Summary,
    /// The degree histogram.
    pub degrees: Vec<(String, Option<u64>)>,
    /// Whether it describes the consenting part of the network only.
    pub consenting_only: bool,
}

/// A cell of the research table: the relaying actors, a city's or a first language's group,
/// or a bin of the degree histogram.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    Actors,
    City(String),
    Language(String),
    Degree(String),
}

/// What a role may see of a summary: groups and histogram bins of a few actors are withheld
/// (with a second one wherever the total would give a lone one away).
fn disclose(figures: &SummaryFigures, audience: Audience) -> SummaryView {
    let mut summary = figures.summary.clone();
    let mut table = Table::new();
    table.cell(Group::Actors, summary.actors as u64, true);
    for (city, shares) in &summary.capital_by_city {
        table.cell(Group::City(city.clone()), shares.actors as u64, true);
    }
    for (language, shares) in &summary.capital_by_first_language {
        table.cell(
            Group::Language(language.clone()),
            shares.actors as u64,
            true,
        );
    }
    for (bin, n) in &figures.degrees {
        table.cell(Group::Degree(bin.clone()), *n, true);
    }
    table
        .sum(
            &Group::Actors,
            summary
                .capital_by_city
                .keys()
                .map(|c| Group::City(c.clone())),
        )
        .sum(
            &Group::Actors,
            summary
                .capital_by_first_language
                .keys()
                .map(|l| Group::Language(l.clone())),
        )
        .sum(
            &Group::Actors,
            figures
                .degrees
                .iter()
                .map(|(bin, _)| Group::Degree(bin.clone())),
        );
    let shown = table.disclose(audience);
    let before = summary.capital_by_city.len() + summary.capital_by_first_language.len();
    summary
        .capital_by_city
        .retain(|city, _| shown.count(&Group::City(city.clone())).is_some());
    summary
        .capital_by_first_language
        .retain(|language, _| shown.count(&Group::Language(language.clone())).is_some());
    summary.suppressed_groups =
        before - summary.capital_by_city.len() - summary.capital_by_first_language.len();
    let degrees = figures
        .degrees
        .iter()
        .map(|(bin, _)| (bin.clone(), shown.count(&Group::Degree(bin.clone()))))
        .collect();
    SummaryView {
        summary,
        degrees,
        consenting_only: false,
    }
}

impl Services {
    /// The graph summary of the part of the network the caller may receive, computed once per
    /// version and seed, as their role may see it.
    pub async fn summary(&self, caller: &Caller, seed: u64) -> Result<SummaryView, ServiceError> {
        let scope = Scope::of(caller.role);
        let audience = Audience::of(caller.role);
        let done = |figures: &SummaryFigures| {
            let mut view = disclose(figures, audience);
            view.consenting_only = scope == Scope::Research;
            view
        };
        // Computed already for this version: no permit needed.
        if let Some(figures) = self.snapshot().await?.summary_if_known(scope, seed) {
            return Ok(done(&figures));
        }
        let (mut admission, snapshot) = self.begin(caller, Weight::WholeNetwork).await?;
        let shared = snapshot.clone();
        let compute = || async move {
            admission
                .run(Weight::WholeNetwork, move |cancel| {
                    let scoped = shared.scoped(scope);
                    let summary = summary(&scoped.graph, &scoped.network, seed, cancel)?;
                    Ok(SummaryFigures {
                        summary,
                        degrees: degree_histogram(&scoped.graph),
                    })
                })
                .await
        };
        let figures = snapshot.summary(scope, seed, compute).await?;
        Ok(done(&figures))
    }

    /// Per-actor metrics of the part of the network the caller may receive, within the time
    /// budget; for roles that see no personal data, rows carry pseudonyms.
    pub async fn metrics(
        &self,
        caller: &Caller,
        options: MetricsOptions,
    ) -> Result<MetricsTable, ServiceError> {
        let scope = Scope::of(caller.role);
        let pseudonyms = if caller.role.sees_personal_data() {
            None
        } else {
            Some(self.pseudonymizer().await?)
        };
        let (mut admission, snapshot) = self.begin(caller, Weight::WholeNetwork).await?;
        admission
            .run(Weight::WholeNetwork, move |cancel| {
                let scoped = snapshot.scoped(scope);
                let table = actor_metrics(&scoped.graph, &scoped.network, &options, cancel)?;
                Ok(match &pseudonyms {
                    Some(pseudonyms) => crate::export::pseudonymize_metrics(
                        table,
                        &scoped.network,
                        pseudonyms,
                        crate::domain::today(),
                    ),
                    None => table,
                })
            })
            .await
    }
}
