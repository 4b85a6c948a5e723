//! What the analysis tests share: small networks written as JSON, random networks and queries,
//! and a brute force over the usable ties that the fast algorithms are checked against.

use std::collections::VecDeque;

use serde_json::{Value, json};

use super::{Area, RelayQuery};
use crate::document::read_json;
use crate::domain::{ActorId, ActorKind, Channel, Date, Network, TieKind, WriteMode};

pub(crate) fn network(document: Value) -> Network {
    read_json(&document.to_string(), WriteMode::Upsert)
        .expect("a valid test network")
        .into_network()
}

pub(crate) fn actor(id: &str, kind: &str, languages: &[&str]) -> Value {
    json!({"id": id, "kind": kind, "name": id, "languages": languages})
}

pub(crate) fn tie(source: &str, target: &str, kind: &str, trust: f64) -> Value {
    json!({"id": format!("t.{source}.{target}"), "source": source, "target": target, "kind": kind, "trust": trust,
           "channels": ["phone"], "last_verified": "2026-01-01"})
}

pub(crate) struct Brute {
    pub ids: Vec<String>,
    pub kinds: Vec<ActorKind>,
    pub adjacency: Vec<Vec<(usize, f64)>>,
    pub sources: Vec<usize>,
    pub targets: Vec<usize>,
}

pub(crate) fn brute(network: &Network, query: &RelayQuery) -> Brute {
    let actors: Vec<_> = network
        .actors
        .iter()
        .filter(|a| a.kind != ActorKind::City)
        .collect();
    let position = |id: &ActorId| actors.iter().position(|a| &a.id == id);
    let excluded = |i: usize| query.exclude.contains(&actors[i].id);
    let mut adjacency = vec![Vec::new(); actors.len()];
    for stored in &network.ties {
        let t = &stored.value;
        if t.kind == TieKind::LocatedIn {
            continue;
        }
        let (Some(s), Some(d)) = (position(&t.source), position(&t.target)) else {
            continue;
        };
        let usable = t.trust.value() >= query.min_trust
            && query
                .verified_since
                .is_none_or(|since| t.last_verified.is_some_and(|v| v >= since))
            && query
                .channels
                .as_ref()
                .is_none_or(|cs| t.channels.as_slice().iter().any(|c| cs.contains(c)))
            && (!query.language_check
                || actors[s].value.languages.shares_any(&actors[d].languages))
            && !excluded(s)
            && !excluded(d);
        if usable {
            adjacency[s].push((d, t.trust.value()));
            adjacency[d].push((s, t.trust.value()));
        }
    }
    let sources: Vec<usize> = match &query.from {
        Some(from) => from.iter().filter_map(position).collect(),
        None => (0..actors.len())
            .filter(|&i| actors[i].kind == ActorKind::Responder)
            .collect(),
    };
    let targets = (0..actors.len())
        .filter(|&i| {
            let a = &actors[i].value;
            a.kind == ActorKind::Migrant
                && !sources.contains(&i)
                && !excluded(i)
                && query
                    .area
                    .as_ref()
                    .is_none_or(|area| a.location.is_some_and(|l| area.contains(l.lon(), l.lat())))
        })
        .collect();
    Brute {
        ids: actors.iter().map(|a| a.id.to_string()).collect(),
        kinds: actors.iter().map(|a| a.kind).collect(),
        adjacency,
        sources,
        targets,
    }
}

impl Brute {
    pub(crate) fn distances(&self, starts: &[usize], removed: Option<usize>) -> Vec<usize> {
        let mut distance = vec![usize::MAX; self.ids.len()];
        let mut queue = VecDeque::new();
        for &s in starts {
            if Some(s) != removed && distance[s] == usize::MAX {
                distance[s] = 0;
                queue.push_back(s);
            }
        }
        while let Some(v) = queue.pop_front() {
            for &(w, _) in &self.adjacency[v] {
                if Some(w) != removed && distance[w] == usize::MAX {
                    distance[w] = distance[v] + 1;
                    queue.push_back(w);
                }
            }
        }
        distance
    }

    /// The best product over every simple path of at most `limit` ties.
    pub(crate) fn best(
        &self,
        v: usize,
        target: usize,
        limit: usize,
        product: f64,
        seen: &mut Vec<bool>,
    ) -> f64 {
        if v == target {
            return product;
        }
        if limit == 0 {
            return 0.0;
        }
        let mut best: f64 = 0.0;
        for &(w, trust) in &self.adjacency[v] {
            if !seen[w] {
                seen[w] = true;
                best = best.max(self.best(w, target, limit - 1, product * trust, seen));
                seen[w] = false;
            }
        }
        best
    }
}

pub(crate) fn random_document(seed: u64, size: usize) -> Value {
    let mut state = seed;
    let mut next = move |n: u64| {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    };
    let kinds = [
        "migrant",
        "migrant",
        "migrant",
        "organisation",
        "responder",
        "city",
    ];
    let languages = ["aaa", "bbb", "ccc"];
    let channels = ["phone", "sms", "whatsapp"];
    let mut actors = Vec::new();
    let mut kind_of = Vec::new();
    for i in 0..size {
        let kind = kinds[next(kinds.len() as u64) as usize];
        let mut spoken: Vec<&str> = languages.iter().copied().filter(|_| next(2) == 0).collect();
        if spoken.is_empty() {
            spoken.push(languages[next(3) as usize]);
        }
        let mut a =
            json!({"id": format!("a{i:02}"), "kind": kind, "name": "x", "languages": spoken});
        if next(4) != 0 {
            a["location"] = json!({"lat": next(5) as f64 * 0.5, "lon": next(5) as f64 * 0.5});
        }
        actors.push(a);
        kind_of.push(kind);
    }
    let mut ties = Vec::new();
    for t in 0..size * 2 {
        let (s, d) = (next(size as u64) as usize, next(size as u64) as usize);
        let kind = match (kind_of[s], kind_of[d]) {
            (_, _) if s == d => continue,
            ("migrant", "migrant") => "knows",
            ("migrant", "organisation") => "member_of",
            ("organisation" | "responder", "organisation" | "responder") => "partners_with",
            ("organisation" | "responder", "migrant") => "serves",
            (_, "city") if kind_of[s] != "city" => "located_in",
            _ => continue,
        };
        let used: Vec<&str> = channels.iter().copied().filter(|_| next(2) == 0).collect();
        let mut tie = json!({"id": format!("t{t:03}"), "source": format!("a{s:02}"), "target": format!("a{d:02}"),
                             "kind": kind, "trust": (1 + next(10)) as f64 / 10.0, "channels": used});
        if next(3) != 0 {
            tie["last_verified"] = json!(format!("2026-0{}-01", 1 + next(6)));
        }
        ties.push(tie);
    }
    json!({"actors": actors, "ties": ties})
}

pub(crate) fn random_query(seed: u64, document: &Value) -> RelayQuery {
    let pick = |k: u64| (seed / k) % 7;
    let relays: Vec<ActorId> = document["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] != "city")
        .map(|a| ActorId::parse(a["id"].as_str().unwrap()).unwrap())
        .collect();
    let square = json!({"type": "Polygon", "coordinates": [[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]});
    RelayQuery {
        from: (pick(1) < 3 && !relays.is_empty())
            .then(|| relays.iter().step_by(3).cloned().collect()),
        area: (pick(7) < 3).then(|| Area::from_geojson(square).unwrap()),
        max_hops: 1 + (pick(49) % 4) as u8,
        min_trust: [0.0, 0.3, 0.6][(pick(343) % 3) as usize],
        channels: (pick(2401) < 3).then(|| vec![Channel::Phone, Channel::Sms]),
        language_check: pick(16807) < 4,
        exclude: if pick(117649) < 2 {
            relays.iter().skip(1).step_by(4).cloned().collect()
        } else {
            Vec::new()
        },
        verified_since: (pick(823543) < 2).then(|| Date::from_ymd_opt(2026, 3, 1).unwrap()),
    }
}
