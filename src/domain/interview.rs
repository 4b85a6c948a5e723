//! Ego-network interviews (graph-schema/README.md, "Interviews"): the protocol — the questions an
//! interview asks, as data an admin edits — and the interview document a phone sends, which
//! becomes actors and ties of the network plus the record of the answers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ActorKind, DomainError, Language, TieKind, Trust};

/// A text in several languages: ISO 639-3 code → text. English (`eng`) is always there.
pub type Texts = BTreeMap<String, String>;

/// The longest text of a protocol, in characters.
const MAX_TEXT: usize = 600;

/// The protocol: the questions of an interview and their translations. Versioned: every
/// interview names the version it was asked with, and a saved version never changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Protocol {
    /// Set by the store when saved (a version given on input is ignored).
    #[serde(default)]
    pub version: u64,
    /// The languages the questions are written in (ISO 639-3), `eng` first.
    pub languages: Vec<String>,
    /// The consent step.
    pub consent: ConsentStep,
    /// The name generators, asked in this order.
    pub generators: Vec<Generator>,
    /// The name interpreters, asked about each person named.
    pub interpreters: Interpreters,
    /// The sociogram step's prompt (which of the people named know each other).
    #[schema(value_type = Object)]
    pub sociogram: Texts,
}

/// What is read to (or by) the person before anything is recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentStep {
    /// What is recorded and why.
    #[schema(value_type = Object)]
    pub statement: Texts,
    /// One text per purpose: `warnings`, `partners`, `research`.
    #[schema(value_type = Object)]
    pub purposes: BTreeMap<String, Texts>,
    /// How long consent holds by default, in days (none: until withdrawn).
    #[serde(default)]
    pub expires_after_days: Option<u32>,
}

/// A name generator: a question whose answers are people or organisations, each tied to the
/// person interviewed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Generator {
    /// `[a-z_]`, 1–32 characters, unique in the protocol.
    pub id: String,
    /// The question.
    #[schema(value_type = Object)]
    pub prompt: Texts,
    /// What the answer is to the person: `knows`, `member_of` or `serves` (see
    /// [`interview_tie`]).
    pub relation: String,
    /// `out`: the person turns to whoever is named; `in`: whoever is named turns to them.
    pub direction: String,
    /// The kinds of actor an answer may be (`migrant`, `organisation`, `responder`); the first
    /// is the default of someone added new.
    pub kinds: Vec<String>,
}

/// The questions asked about each person named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Interpreters {
    /// Which languages they speak together (`{name}` stands for the person named).
    #[schema(value_type = Object)]
    pub languages: Texts,
    /// How they reach them.
    #[schema(value_type = Object)]
    pub channels: Texts,
    /// How much they trust what they are told, on a scale of 1 to 5.
    #[schema(value_type = Object)]
    pub trust: Texts,
    /// How often they are in touch.
    #[schema(value_type = Object)]
    pub frequency: Texts,
    /// The answers to how often, in the order they are offered.
    pub frequencies: Vec<Choice>,
}

/// One answer to choose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// `[a-z_]`, 1–32 characters, unique among the answers.
    pub id: String,
    /// What it says.
    #[schema(value_type = Object)]
    pub label: Texts,
}

fn check_id(id: &str, what: &str) -> Result<(), DomainError> {
    if id.is_empty() || id.len() > 32 || !id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        return Err(DomainError::Malformed(format!(
            "{what} {:?}: ids are 1–32 of a–z and _",
            id.chars().take(40).collect::<String>()
        )));
    }
    Ok(())
}

fn check_texts(texts: &Texts, what: &str) -> Result<(), DomainError> {
    if texts.get("eng").is_none_or(|t| t.trim().is_empty()) {
        return Err(DomainError::Malformed(format!(
            "{what} needs an English text (eng)"
        )));
    }
    for (language, text) in texts {
        Language::parse(language).map_err(|_| {
            DomainError::Malformed(format!("{what}: {language:?} is not an ISO 639-3 code"))
        })?;
        if text.chars().count() > MAX_TEXT || text.chars().any(|c| c.is_control() && c != '\n') {
            return Err(DomainError::Malformed(format!(
                "{what} ({language}): at most {MAX_TEXT} characters, no control characters"
            )));
        }
    }
    Ok(())
}

impl Protocol {
    /// Checks every rule of a protocol (as an admin wrote it).
    pub fn check(&self) -> Result<(), DomainError> {
        if self.languages.first().map(String::as_str) != Some("eng") {
            return Err(DomainError::Malformed("languages start with eng".into()));
        }
        for language in &self.languages {
            Language::parse(language)?;
        }
        check_texts(&self.consent.statement, "consent.statement")?;
        for purpose in super::Purpose::ALL {
            let texts = self.consent.purposes.get(purpose.as_str()).ok_or_else(|| {
                DomainError::Malformed(format!("consent.purposes needs {purpose}"))
            })?;
            check_texts(texts, &format!("consent.purposes.{purpose}"))?;
        }
        if self.consent.purposes.len() != super::Purpose::ALL.len() {
            return Err(DomainError::Malformed(
                "consent.purposes are warnings, partners and research".into(),
            ));
        }
        if self.generators.is_empty() || self.generators.len() > 12 {
            return Err(DomainError::Malformed(
                "a protocol has 1 to 12 generators".into(),
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for generator in &self.generators {
            check_id(&generator.id, "generator")?;
            if !seen.insert(generator.id.as_str()) {
                return Err(DomainError::Malformed(format!(
                    "generator {:?} appears twice",
                    generator.id
                )));
            }
            let what = format!("generator {}", generator.id);
            check_texts(&generator.prompt, &what)?;
            if !["knows", "member_of", "serves"].contains(&generator.relation.as_str()) {
                return Err(DomainError::Malformed(format!(
                    "{what}: relation is knows, member_of or serves"
                )));
            }
            if !["in", "out"].contains(&generator.direction.as_str()) {
                return Err(DomainError::Malformed(format!(
                    "{what}: direction is in or out"
                )));
            }
            if generator.kinds.is_empty() {
                return Err(DomainError::Malformed(format!("{what}: kinds are needed")));
            }
            for kind in &generator.kinds {
                if ActorKind::parse(kind)? == ActorKind::City {
                    return Err(DomainError::Malformed(format!(
                        "{what}: a city is a place, never named"
                    )));
                }
            }
        }
        let i = &self.interpreters;
        check_texts(&i.languages, "interpreters.languages")?;
        check_texts(&i.channels, "interpreters.channels")?;
        check_texts(&i.trust, "interpreters.trust")?;
        check_texts(&i.frequency, "interpreters.frequency")?;
        if i.frequencies.is_empty() {
            return Err(DomainError::Malformed(
                "interpreters.frequencies are needed".into(),
            ));
        }
        let mut answers = std::collections::HashSet::new();
        for choice in &i.frequencies {
            check_id(&choice.id, "frequency")?;
            if !answers.insert(choice.id.as_str()) {
                return Err(DomainError::Malformed(format!(
                    "frequency {:?} appears twice",
                    choice.id
                )));
            }
            check_texts(
                &choice.label,
                &format!("interpreters.frequencies.{}", choice.id),
            )?;
        }
        check_texts(&self.sociogram, "sociogram")
    }

    /// The generator of this id.
    pub fn generator(&self, id: &str) -> Option<&Generator> {
        self.generators.iter().find(|g| g.id == id)
    }
}

/// The trust of a tie from an answer on the 1–5 scale: 0.2 per step.
pub fn trust_of_answer(answer: u8) -> Result<Trust, DomainError> {
    if !(1..=5).contains(&answer) {
        return Err(DomainError::Malformed(
            "trust is answered on a scale of 1 to 5".into(),
        ));
    }
    Trust::parse(f64::from(answer) / 5.0)
}

/// The tie an answer makes between the person interviewed (`ego`) and someone they named, as the
/// model allows it: between two migrants `knows` (from whoever turns to the other); between a
/// migrant and an organisation `member_of` from the migrant, or `serves` from the organisation
/// when the question is about services; between a migrant and a responder `serves` from the
/// responder; between organisations and responders `partners_with`. `None` for a city.
///
/// # Returns
/// The kind, and whether the tie runs from the person interviewed.
///
/// ```
/// use relaymap::domain::{ActorKind, TieKind, interview_tie};
///
/// let asks = interview_tie("knows", "in", ActorKind::Migrant, ActorKind::Migrant);
/// assert_eq!(asks, Some((TieKind::Knows, false)));
/// let office = interview_tie("serves", "in", ActorKind::Migrant, ActorKind::Organisation);
/// assert_eq!(office, Some((TieKind::Serves, false)));
/// let church = interview_tie("knows", "out", ActorKind::Migrant, ActorKind::Organisation);
/// assert_eq!(church, Some((TieKind::MemberOf, true)));
/// ```
pub fn interview_tie(
    relation: &str,
    direction: &str,
    ego: ActorKind,
    named: ActorKind,
) -> Option<(TieKind, bool)> {
    use ActorKind::*;
    let outward = direction == "out";
    match (ego, named) {
        (City, _) | (_, City) => None,
        (Migrant, Migrant) => Some((TieKind::Knows, outward)),
        (Migrant, Organisation) if relation == "serves" => Some((TieKind::Serves, false)),
        (Migrant, Organisation) => Some((TieKind::MemberOf, true)),
        (Organisation, Migrant) if relation == "serves" => Some((TieKind::Serves, true)),
        (Organisation, Migrant) => Some((TieKind::MemberOf, false)),
        (Migrant, Responder) => Some((TieKind::Serves, false)),
        (Responder, Migrant) => Some((TieKind::Serves, true)),
        (Organisation | Responder, Organisation | Responder) => {
            Some((TieKind::PartnersWith, outward))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_protocol_keeps_every_rule_and_is_translated() {
        let protocol: Protocol =
            serde_json::from_str(include_str!("../../graph-schema/interview-protocol.json"))
                .unwrap();
        protocol.check().unwrap();
        for language in &protocol.languages {
            for generator in &protocol.generators {
                assert!(
                    generator.prompt.contains_key(language),
                    "{} {language}",
                    generator.id
                );
            }
            assert!(
                protocol.consent.statement.contains_key(language),
                "{language}"
            );
        }
    }

    #[test]
    fn every_tie_an_interview_makes_fits_the_model() {
        let kinds = [
            ActorKind::Migrant,
            ActorKind::Organisation,
            ActorKind::Responder,
        ];
        for relation in ["knows", "member_of", "serves"] {
            for direction in ["in", "out"] {
                for ego in kinds {
                    for named in kinds {
                        let (kind, from_ego) =
                            interview_tie(relation, direction, ego, named).unwrap();
                        let (source, target) = if from_ego { (ego, named) } else { (named, ego) };
                        assert!(
                            kind.fits(source, target),
                            "{relation} {direction} {ego} {named}"
                        );
                    }
                }
            }
        }
        assert_eq!(
            interview_tie("knows", "out", ActorKind::Migrant, ActorKind::City),
            None
        );
    }

    #[test]
    fn trust_answers_map_to_fifths() {
        assert_eq!(trust_of_answer(1).unwrap().value(), 0.2);
        assert_eq!(trust_of_answer(5).unwrap().value(), 1.0);
        assert!(trust_of_answer(0).is_err() && trust_of_answer(6).is_err());
    }
}
