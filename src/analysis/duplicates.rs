//! Likely duplicates: two records of one person or organisation, made by different interviews
//! or imports. Names are compared after transliteration to Latin letters (`any_ascii`: Arabic,
//! Cyrillic, Greek, Japanese kana and more), so "Yusuf" and "يوسف" can meet; pairs are only
//! compared when they share a name part (blocking), so the work grows with the network, not
//! with its square. The score and its reasons are defined in `graph-schema/README.md`
//! ("Duplicates").

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;

use crate::domain::{ActorId, ActorKind, Network};

/// A name part shared by more actors than this says nothing (a common family name, "Association").
const COMMON_PART: usize = 200;
/// Pairs whose names are less alike than this are not listed.
pub const NAME_THRESHOLD: f64 = 0.85;
/// Names alike only in their consonants count for this much of a likeness.
const SKELETON_WEIGHT: f64 = 0.9;

/// A likely duplicate pair.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct DuplicatePair {
    /// One record (the smaller id).
    #[schema(value_type = String)]
    pub a: ActorId,
    /// The other.
    #[schema(value_type = String)]
    pub b: ActorId,
    /// From 0 to 1: how likely they are one.
    pub score: f64,
    /// Why, in words: `similar names (0.94)`, `same city`, `same languages`, `2 ties in common`.
    pub reasons: Vec<String>,
}

/// A name part's consonant skeleton: vowels dropped (and `w`, `y` after the first letter, which
/// scripts without written vowels use for them), doubled letters once. "yusuf" and the
/// transliterated Arabic "ywsf" both give "ysf"; "haddad" and "hdad" both "hd".
fn skeleton(part: &str) -> String {
    let mut out = String::new();
    for (i, c) in part.chars().enumerate() {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') || (i > 0 && matches!(c, 'w' | 'y'));
        if !vowel && !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// A name as compared: transliterated to lower-case Latin letters, as its parts sorted and in
/// order, and as the sorted consonant skeletons of its parts.
struct Compared {
    sorted: String,
    ordered: String,
    skeletons: String,
    /// The blocking keys: parts of three letters or more, and skeletons of two or more.
    keys: BTreeSet<String>,
}

fn normalise(name: &str) -> Compared {
    let latin = any_ascii::any_ascii(name).to_lowercase();
    let parts: Vec<String> = latin
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    let mut sorted = parts.clone();
    sorted.sort();
    let mut skeletons: Vec<String> = parts.iter().map(|p| skeleton(p)).collect();
    skeletons.sort();
    let keys = parts
        .iter()
        .filter(|p| p.len() >= 3)
        .cloned()
        .chain(
            skeletons
                .iter()
                .filter(|s| s.len() >= 2)
                .map(|s| format!("~{s}")),
        )
        .collect();
    Compared {
        sorted: sorted.join(" "),
        ordered: parts.join(" "),
        skeletons: skeletons.join(" "),
        keys,
    }
}

/// How alike two compared names are (see [`name_likeness`]).
fn likeness(x: &Compared, y: &Compared) -> f64 {
    strsim::jaro_winkler(&x.sorted, &y.sorted)
        .max(strsim::jaro_winkler(&x.ordered, &y.ordered))
        .max(SKELETON_WEIGHT * strsim::jaro_winkler(&x.skeletons, &y.skeletons))
}

/// How alike two names are, from 0 to 1, across scripts: the best of their parts compared in
/// any order, in order, and (worth a little less) by their consonants alone. The duplicate
/// finder lists pairs from [`NAME_THRESHOLD`] up.
///
/// ```
/// use relaymap::analysis::name_likeness;
/// use relaymap::domain::Name;
///
/// let name = |s| Name::parse(s).unwrap();
/// assert_eq!(name_likeness(&name("Yusuf Haddad"), &name("Haddad Yusuf")), 1.0);
/// assert!(name_likeness(&name("Yusuf Haddad"), &name("Selam Tesfaye")) < 0.7);
/// ```
pub fn name_likeness(a: &crate::domain::Name, b: &crate::domain::Name) -> f64 {
    likeness(&normalise(a.as_str()), &normalise(b.as_str()))
}

/// The likely duplicate pairs of a network (cities left out), most likely first, at most
/// `limit`, leaving out the pairs in `distinct` (marked as two people by a coordinator).
///
/// # Complexity
/// O(Σ bucket²) over the name parts shared by at most 200 actors, plus O(degree) per pair.
pub fn likely_duplicates(
    network: &Network,
    distinct: &HashSet<(ActorId, ActorId)>,
    limit: usize,
) -> Vec<DuplicatePair> {
    let actors: Vec<&crate::domain::StoredActor> = network
        .actors
        .iter()
        .filter(|a| a.kind != ActorKind::City)
        .map(|a| &**a)
        .collect();
    let names: Vec<Compared> = actors.iter().map(|a| normalise(a.name.as_str())).collect();
    let mut buckets: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        for key in &name.keys {
            buckets.entry(key.as_str()).or_default().push(i);
        }
    }
    // Whom each actor is tied to (cities apart: the city field says that).
    let mut neighbours: HashMap<&ActorId, HashSet<&ActorId>> = HashMap::new();
    for tie in network
        .ties
        .iter()
        .filter(|t| t.kind != crate::domain::TieKind::LocatedIn)
    {
        neighbours
            .entry(&tie.source)
            .or_default()
            .insert(&tie.target);
        neighbours
            .entry(&tie.target)
            .or_default()
            .insert(&tie.source);
    }
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    let mut pairs = Vec::new();
    for members in buckets.values().filter(|m| m.len() <= COMMON_PART) {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (i, j) = (i.min(j), i.max(j));
                if actors[i].kind != actors[j].kind || !seen.insert((i, j)) {
                    continue;
                }
                let (a, b) = (actors[i], actors[j]);
                if distinct.contains(&(a.id.clone(), b.id.clone())) {
                    continue;
                }
                let (x, y) = (&names[i], &names[j]);
                let name = likeness(x, y);
                if name < NAME_THRESHOLD {
                    continue;
                }
                let mut reasons = vec![format!("similar names ({name:.2})")];
                let mut score = 0.6 * name;
                if a.city.is_some() && a.city == b.city {
                    score += 0.1;
                    reasons.push("same city".into());
                }
                let (la, lb) = (a.languages.as_slice(), b.languages.as_slice());
                if !la.is_empty() && la == lb {
                    score += 0.05;
                    reasons.push("same languages".into());
                } else if a.languages.shares_any(&b.languages) {
                    score += 0.025;
                    reasons.push("a language in common".into());
                }
                let empty = HashSet::new();
                let na = neighbours.get(&a.id).unwrap_or(&empty);
                let nb = neighbours.get(&b.id).unwrap_or(&empty);
                let common = na.intersection(nb).count();
                if common > 0 {
                    let all = na.union(nb).count();
                    score += 0.25 * common as f64 / all as f64;
                    reasons.push(format!(
                        "{common} of {all} {} in common",
                        if all == 1 { "tie" } else { "ties" }
                    ));
                }
                pairs.push(DuplicatePair {
                    a: a.id.clone(),
                    b: b.id.clone(),
                    score: (score * 1000.0).round() / 1000.0,
                    reasons,
                });
            }
        }
    }
    pairs.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| x.a.cmp(&y.a))
            .then_with(|| x.b.cmp(&y.b))
    });
    pairs.truncate(limit);
    pairs
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::analysis::testing::network;

    #[test]
    fn a_name_in_two_scripts_with_a_shared_tie_ranks_first() {
        let document = json!({
            "actors": [
                {"id": "c-1", "kind": "city", "name": "Harbour"},
                {"id": "o-1", "kind": "organisation", "name": "Al-Noor Mosque", "languages": ["ara"]},
                {"id": "m-1", "kind": "migrant", "name": "Yusuf Haddad", "languages": ["ara"], "city": "c-1"},
                {"id": "m-2", "kind": "migrant", "name": "يوسف حداد", "languages": ["ara"], "city": "c-1"},
                {"id": "m-3", "kind": "migrant", "name": "Yusuf Saleh", "languages": ["ara"]},
                {"id": "m-4", "kind": "migrant", "name": "Haddad Yusuf", "languages": ["fra"]},
                {"id": "m-5", "kind": "migrant", "name": "Maria Lopez", "languages": ["spa"]}
            ],
            "ties": [
                {"source": "m-1", "target": "o-1", "kind": "member_of", "trust": 0.8},
                {"source": "m-2", "target": "o-1", "kind": "member_of", "trust": 0.6}
            ]
        });
        let pairs = likely_duplicates(&network(document.clone()), &HashSet::new(), 10);
        let ids: Vec<(&str, &str)> = pairs.iter().map(|p| (p.a.as_str(), p.b.as_str())).collect();
        assert_eq!(ids[0], ("m-1", "m-2"), "{pairs:?}");
        assert!(pairs[0].reasons.contains(&"same city".to_owned()));
        assert!(
            pairs[0]
                .reasons
                .contains(&"1 of 1 tie in common".to_owned())
        );
        // The same name in another order is found too, below.
        assert!(ids.contains(&("m-1", "m-4")));
        assert!(!ids.iter().any(|p| p.0 == "m-5" || p.1 == "m-5"));
        // Marked distinct, a pair is not listed again.
        let distinct = HashSet::from([(
            ActorId::parse("m-1").unwrap(),
            ActorId::parse("m-2").unwrap(),
        )]);
        let pairs = likely_duplicates(&network(document), &distinct, 10);
        assert!(
            !pairs
                .iter()
                .any(|p| (p.a.as_str(), p.b.as_str()) == ("m-1", "m-2"))
        );
        assert!(!pairs.is_empty());
    }
}
