//! Looking things up in a dataset.

use super::dataset::Dataset;
use super::types::{Conflict, Entity, Fact, Grade, Metric, Source, SourceKind};

impl Dataset {
    /// The fact or reference figure with this id (facts are searched first).
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.all_facts().find(|fact| fact.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|entity| entity.id == id)
    }

    /// The metric with this id.
    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.metrics.iter().find(|metric| metric.id == id)
    }

    /// Seed facts, then reference figures.
    pub fn all_facts(&self) -> impl Iterator<Item = &Fact> {
        self.facts.iter().chain(self.reference.iter())
    }

    /// Seed facts and reference figures about `entity` measuring `metric`, in file order.
    pub fn facts_about<'a>(
        &'a self,
        entity: &'a str,
        metric: &'a str,
    ) -> impl Iterator<Item = &'a Fact> + 'a {
        self.all_facts()
            .filter(move |fact| fact.entity == entity && fact.metric == metric)
    }

    /// Whether `fact` comes from a public record (else from one of the articles).
    pub fn is_public_record(&self, fact: &Fact) -> bool {
        self.source(&fact.source).map(|s| s.kind) == Some(SourceKind::PublicRecord)
    }

    /// The grade of a figure: its own `grade` when set, else its source's grade. A figure
    /// whose source is unknown (impossible in a validated dataset) counts as `D`.
    pub fn effective_grade(&self, fact: &Fact) -> Grade {
        fact.grade
            .or_else(|| self.source(&fact.source).map(|source| source.grade))
            .unwrap_or(Grade::D)
    }

    /// The conflicts that list `fact_id`.
    pub fn conflicts_of<'a>(&'a self, fact_id: &'a str) -> impl Iterator<Item = &'a Conflict> + 'a {
        self.conflicts
            .iter()
            .filter(move |conflict| conflict.facts.iter().any(|id| id == fact_id))
    }
}
