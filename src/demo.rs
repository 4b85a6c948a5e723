//! The demo city: a deterministic, fictional coastal city ("Port Aster") with language
//! communities, community organisations, responders and districts. The same seed and size always
//! give the same network. Every person in it is invented.

use std::collections::HashSet;

use crate::rng::Rng;

use crate::domain::{
    Actor, ActorId, ActorKind, Attributes, Batch, Channel, Channels, Consent, Date, Draft,
    Languages, Location, Name, Purpose, RowRef, Tie, TieId, TieKind, Trust, WriteMode,
};

/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 7;
/// The number of migrants when none is given.
pub const DEFAULT_MIGRANTS: usize = 2000;

/// The language spoken by the city's institutions.
const LOCAL: &str = "eng";
/// Ties are verified up to this date, so the demo does not depend on today's date.
const VERIFIED_UNTIL: (i32, u32, u32) = (2026, 6, 30);

struct Community {
    language: &'static str,
    share: f64,
    given: &'static [&'static str],
    family: &'static [&'static str],
    organisations: &'static [&'static str],
}

const COMMUNITIES: [Community; 8] = [
    Community {
        language: "tir",
        share: 0.13,
        given: &[
            "Amanuel", "Selam", "Yonas", "Helen", "Dawit", "Saba", "Filmon", "Rahel",
        ],
        family: &["Tesfay", "Gebre", "Haile", "Berhane", "Kidane", "Woldu"],
        organisations: &[
            "Eritrean Community Association",
            "St. Michael Orthodox Parish",
            "Habesha Youth Club",
        ],
    },
    Community {
        language: "ara",
        share: 0.17,
        given: &[
            "Omar", "Layla", "Yusuf", "Mariam", "Khaled", "Nour", "Samir", "Huda",
        ],
        family: &["Haddad", "Khalil", "Nasser", "Saleh", "Mansour", "Darwish"],
        organisations: &[
            "Al-Noor Mosque",
            "Syrian Families Network",
            "Arabic Evening School",
            "Sudanese Welfare Group",
        ],
    },
    Community {
        language: "tgl",
        share: 0.12,
        given: &[
            "Maria", "Jose", "Rowena", "Mark", "Liza", "Paolo", "Joy", "Ramon",
        ],
        family: &["Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza"],
        organisations: &[
            "Filipino Workers Centre",
            "Bayanihan Association",
            "Our Lady of Manaoag Chapel",
        ],
    },
    Community {
        language: "spa",
        share: 0.14,
        given: &[
            "Lucia",
            "Carlos",
            "Valentina",
            "Diego",
            "Camila",
            "Andres",
            "Rosa",
            "Luis",
        ],
        family: &[
            "Gomez",
            "Rodriguez",
            "Martinez",
            "Lopez",
            "Herrera",
            "Vargas",
        ],
        organisations: &[
            "Casa Latina",
            "Venezuelan Mutual Aid",
            "Colombian Women's Circle",
        ],
    },
    Community {
        language: "vie",
        share: 0.10,
        given: &["Minh", "Lan", "Tuan", "Hoa", "Quang", "Mai", "Duc", "Thu"],
        family: &["Nguyen", "Tran", "Le", "Pham", "Vo", "Dang"],
        organisations: &[
            "Vietnamese Association",
            "Lotus Pagoda",
            "Saigon Nail Workers Union",
        ],
    },
    Community {
        language: "prs",
        share: 0.12,
        given: &[
            "Farid", "Zahra", "Ahmad", "Parwana", "Habib", "Shabnam", "Nasir", "Mina",
        ],
        family: &["Rahimi", "Ahmadi", "Karimi", "Hashimi", "Sultani", "Noori"],
        organisations: &[
            "Afghan Cultural Centre",
            "Dari Language School",
            "Hazara Solidarity",
        ],
    },
    Community {
        language: "swh",
        share: 0.11,
        given: &[
            "Amani", "Baraka", "Neema", "Juma", "Zawadi", "Hassani", "Imani", "Salim",
        ],
        family: &["Mwangi", "Otieno", "Mushi", "Kimaro", "Abdallah", "Njoroge"],
        organisations: &[
            "East African Community Hub",
            "Pentecostal Church of Grace",
            "Congolese Women's Group",
        ],
    },
    Community {
        language: "fra",
        share: 0.11,
        given: &[
            "Aminata", "Moussa", "Fatou", "Ibrahima", "Awa", "Cheikh", "Mariama", "Ousmane",
        ],
        family: &["Diallo", "Traore", "Ndiaye", "Sow", "Kone", "Camara"],
        organisations: &[
            "West African Association",
            "Francophone Parents Network",
            "Teranga Football Club",
        ],
    },
];

/// Districts: name and centre (lat, lon). The sea lies to the south.
const DISTRICTS: [(&str, f64, f64); 6] = [
    ("Harbour", 44.0960, 8.2050),
    ("Old Town", 44.1030, 8.1900),
    ("Riverside", 44.1120, 8.2210),
    ("Hillcrest", 44.1240, 8.1980),
    ("North Quays", 44.0990, 8.2380),
    ("Eastgate", 44.1180, 8.2500),
];

const RESPONDERS: [(&str, &[&str]); 8] = [
    ("Port Aster Fire and Rescue", &[]),
    ("Municipal Crisis Cell", &[]),
    ("Red Cross Port Aster", &["ara", "fra"]),
    ("Civil Protection Volunteers", &[]),
    ("Public Health Office", &["spa"]),
    ("Harbour Coastguard", &[]),
    ("Consulate of the Philippines", &["tgl"]),
    ("Migrant Help Desk (City Hall)", &["ara", "tir", "prs"]),
];

/// The demo's draws on top of the shared generator.
trait Draw {
    fn chance(&mut self, p: f64) -> bool;
    fn range(&mut self, low: f64, high: f64) -> f64;
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T;
}

impl Draw for Rng {
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn range(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn languages(codes: &[&str]) -> Languages {
    Languages::parse(codes).expect("demo language lists have no repeats")
}

fn id(prefix: &str, index: usize, width: usize) -> ActorId {
    ActorId::parse(&format!("{prefix}-{index:0width$}")).expect("demo ids are well formed")
}

fn width(count: usize) -> usize {
    count.to_string().len().max(2)
}

/// Trust rounded to two decimals, as a person would write it.
fn trust(rng: &mut Rng, low: f64, high: f64) -> Trust {
    let value = (rng.range(low, high) * 100.0).round() / 100.0;
    Trust::parse(value.clamp(0.01, 1.0)).expect("clamped into (0, 1]")
}

fn near(rng: &mut Rng, (lat, lon): (f64, f64), spread_km: f64) -> Location {
    // About 111 km per degree of latitude; at 44° N a degree of longitude is about 80 km.
    let dlat = (rng.unit() + rng.unit() + rng.unit() - 1.5) * spread_km / 111.0;
    let dlon = (rng.unit() + rng.unit() + rng.unit() - 1.5) * spread_km / 80.0;
    let round = |v: f64| (v * 1e5).round() / 1e5;
    Location::parse(round(lat + dlat), round(lon + dlon)).expect("demo locations are near the city")
}

struct Builder {
    rng: Rng,
    /// A 64-bit hash of the (source, target, kind) of every tie made (the million-migrant city
    /// has too many ties to keep them whole twice).
    tied: std::collections::HashSet<u64>,
    actors: Vec<Actor>,
    ties: Vec<DemoTie>,
    verified_until: Date,
}

/// A tie of the demo city as drawn, before it becomes a draft (its id is its place in the list):
/// 40 bytes and no allocation of its own, where a draft takes about 200 (the million-migrant
/// city's 9.5 million ties would take 1.9 GB as drafts at once).
#[derive(Debug, Clone, PartialEq)]
struct DemoTie {
    source: ActorId,
    target: ActorId,
    kind: TieKind,
    /// Channels as bits, in the order of [`Channel::ALL`].
    channels: u8,
    trust: Trust,
    last_verified: Option<Date>,
}

/// The bits of a set of channels, in the order of [`Channel::ALL`].
fn channel_bits(channels: &Channels) -> u8 {
    channels.as_slice().iter().fold(0, |bits, channel| {
        let at = Channel::ALL.iter().position(|c| c == channel);
        bits | 1 << at.expect("every channel is listed")
    })
}

/// The channels of a set of bits made by [`channel_bits`].
fn channels_of(bits: u8) -> Channels {
    Channels::new(
        Channel::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & 1 << i != 0)
            .map(|(_, c)| *c)
            .collect(),
    )
}

impl Builder {
    fn actor(&mut self, actor: Actor) {
        self.actors.push(actor);
    }

    fn tie(
        &mut self,
        source: &ActorId,
        target: &ActorId,
        kind: TieKind,
        trust: Trust,
        channels: Channels,
    ) {
        let verified = self
            .rng
            .chance(0.7)
            .then(|| self.verified_until - chrono::Duration::days(self.rng.below(730) as i64));
        // One tie per kind between two actors (drawn all the same, so the city stays the same).
        let key = {
            use std::hash::{Hash, Hasher};
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            (source, target, kind).hash(&mut hasher);
            hasher.finish()
        };
        if !self.tied.insert(key) {
            return;
        }
        self.ties.push(DemoTie {
            source: source.clone(),
            target: target.clone(),
            kind,
            channels: channel_bits(&channels),
            trust,
            last_verified: verified,
        });
    }

    fn channels(&mut self, weights: &[(Channel, f64)]) -> Channels {
        let mut chosen: Vec<Channel> = weights
            .iter()
            .filter(|(_, p)| self.rng.chance(*p))
            .map(|(c, _)| *c)
            .collect();
        if chosen.is_empty() {
            chosen.push(weights[0].0);
        }
        Channels::new(chosen)
    }

    /// The channels two actors share; in person when they share none.
    fn shared(&mut self, a: &Channels, b: &Channels) -> Channels {
        let shared: Vec<Channel> = a
            .as_slice()
            .iter()
            .filter(|c| b.as_slice().contains(c))
            .copied()
            .collect();
        if shared.is_empty() {
            Channels::new(vec![Channel::InPerson])
        } else {
            Channels::new(shared)
        }
    }
}

const PERSON_CHANNELS: [(Channel, f64); 7] = [
    (Channel::Whatsapp, 0.75),
    (Channel::Phone, 0.6),
    (Channel::InPerson, 0.5),
    (Channel::SocialMedia, 0.35),
    (Channel::Sms, 0.3),
    (Channel::Radio, 0.1),
    (Channel::Email, 0.1),
];
const OFFICE_CHANNELS: [(Channel, f64); 6] = [
    (Channel::Phone, 0.95),
    (Channel::Email, 0.8),
    (Channel::InPerson, 0.7),
    (Channel::Whatsapp, 0.5),
    (Channel::SocialMedia, 0.5),
    (Channel::Radio, 0.3),
];

/// The outlines of the demo city's districts, for the map: the Voronoi cells of the district
/// centres (each place belongs to the nearest centre), clipped to a box 2.5 km beyond the
/// outermost centres. Same district ids as [`generate`] with the same number of migrants.
pub fn outlines(migrants: usize) -> Vec<(ActorId, serde_json::Value)> {
    let count = district_count(migrants.max(1));
    // Kilometres east and north of the first centre (at 44° N: 80 km per degree of longitude).
    let (lat0, lon0) = (DISTRICTS[0].1, DISTRICTS[0].2);
    let km = |(_, lat, lon): (&str, f64, f64)| ((lon - lon0) * 80.0, (lat - lat0) * 111.0);
    let centres: Vec<(f64, f64)> = DISTRICTS[..count].iter().map(|d| km(*d)).collect();
    let margin = 2.5;
    let (min_x, max_x, min_y, max_y) = centres.iter().fold(
        (f64::MAX, f64::MIN, f64::MAX, f64::MIN),
        |(a, b, c, d), &(x, y)| (a.min(x), b.max(x), c.min(y), d.max(y)),
    );
    let frame = vec![
        (min_x - margin, min_y - margin),
        (max_x + margin, min_y - margin),
        (max_x + margin, max_y + margin),
        (min_x - margin, max_y + margin),
    ];
    centres
        .iter()
        .enumerate()
        .map(|(i, &own)| {
            let cell = centres
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .fold(frame.clone(), |cell, (_, &other)| {
                    nearer_half(&cell, own, other)
                });
            let mut ring: Vec<[f64; 2]> = cell
                .iter()
                .map(|&(x, y)| {
                    let round = |v: f64| (v * 1e5).round() / 1e5;
                    [round(lon0 + x / 80.0), round(lat0 + y / 111.0)]
                })
                .collect();
            ring.push(ring[0]);
            let geometry = serde_json::json!({"type": "Polygon", "coordinates": [ring]});
            (id("c", i + 1, 2), geometry)
        })
        .collect()
}

/// The part of a convex polygon nearer to `own` than to `other` (one Sutherland–Hodgman step
/// against their perpendicular bisector).
fn nearer_half(polygon: &[(f64, f64)], own: (f64, f64), other: (f64, f64)) -> Vec<(f64, f64)> {
    // Positive on own's side: |p - other|² - |p - own|², which is linear in p.
    let side = |(x, y): (f64, f64)| {
        (x - other.0).powi(2) + (y - other.1).powi(2) - (x - own.0).powi(2) - (y - own.1).powi(2)
    };
    let mut out = Vec::with_capacity(polygon.len() + 1);
    for (k, &a) in polygon.iter().enumerate() {
        let b = polygon[(k + 1) % polygon.len()];
        let (sa, sb) = (side(a), side(b));
        if sa >= 0.0 {
            out.push(a);
        }
        if (sa >= 0.0) != (sb >= 0.0) {
            let t = sa / (sa - sb);
            out.push((a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1)));
        }
    }
    out
}

fn district_count(migrants: usize) -> usize {
    if migrants > 10_000 { 6 } else { 5 }
}

/// Draws the demo city.
///
/// # Arguments
/// * `seed` - the same seed gives the same city.
/// * `migrants` - how many migrants (at least 1); organisations, responders and districts scale
///   with it (about one organisation per 50 migrants, 8 responders plus one per 12,500 migrants,
///   5 districts up to 10,000 migrants and 6 beyond).
///
/// # Returns
/// Every actor and tie, actors before ties, ids ordered by kind and number (as batches:
/// [`City::parts`]).
///
/// # Complexity
/// O(migrants) time and memory.
pub fn draw(seed: u64, migrants: usize) -> City {
    let migrants = migrants.max(1);
    let mut b = Builder {
        rng: Rng::new(seed ^ 0x005E_ED0F_A57E),
        tied: std::collections::HashSet::new(),
        actors: Vec::new(),
        ties: Vec::new(),
        verified_until: Date::from_ymd_opt(VERIFIED_UNTIL.0, VERIFIED_UNTIL.1, VERIFIED_UNTIL.2)
            .expect("a valid date"),
    };
    let district_count = district_count(migrants);
    let districts: Vec<ActorId> = (1..=district_count).map(|i| id("c", i, 2)).collect();
    for (i, district) in districts.iter().enumerate() {
        let (name, lat, lon) = DISTRICTS[i];
        b.actor(Actor {
            id: district.clone(),
            kind: ActorKind::City,
            name: Name::parse(&format!("Port Aster – {name}")).expect("a valid name"),
            languages: languages(&[LOCAL]),
            location: Some(Location::parse(lat, lon).expect("a valid location")),
            city: None,
            channels: Channels::default(),
            consent: Consent::none(),
            attributes: Attributes::default(),
        });
    }
    let centre = |d: usize| (DISTRICTS[d].1, DISTRICTS[d].2);

    // Responders: the city's institutions, all speaking the local language.
    let responder_count = 8 + migrants / 12_500;
    let responder_width = width(responder_count);
    let mut responders = Vec::new();
    for i in 0..responder_count {
        let (name, extra) = RESPONDERS[i % RESPONDERS.len()];
        let name = if i < RESPONDERS.len() {
            name.to_owned()
        } else {
            format!("{name} (unit {})", i / 8 + 1)
        };
        let mut codes = vec![LOCAL];
        codes.extend_from_slice(extra);
        let district = i % district_count;
        let responder = Actor {
            id: id("r", i + 1, responder_width),
            kind: ActorKind::Responder,
            name: Name::parse(&name).expect("a valid name"),
            languages: languages(&codes),
            location: Some(near(&mut b.rng, centre(district), 0.8)),
            city: Some(districts[district].clone()),
            channels: b.channels(&OFFICE_CHANNELS),
            consent: Consent::none(),
            attributes: Attributes::default(),
        };
        responders.push((responder.id.clone(), responder.channels.clone(), district));
        b.actor(responder);
    }
    for (i, (responder, channels, district)) in responders.iter().enumerate() {
        b.tie(
            responder,
            &districts[*district],
            TieKind::LocatedIn,
            Trust::parse(1.0).expect("1 is valid"),
            Channels::default(),
        );
        let (next, next_channels, _) = &responders[(i + 1) % responders.len()];
        if next != responder {
            let channels = b.shared(channels, next_channels);
            let trust = trust(&mut b.rng, 0.7, 1.0);
            b.tie(responder, next, TieKind::PartnersWith, trust, channels);
        }
    }

    // Organisations: each belongs to a community (its first language) and works in the local
    // language too; one in five is a general service working in several languages.
    let organisation_count = (migrants / 50).max(COMMUNITIES.len());
    let organisation_width = width(organisation_count);
    let mut organisations_of: Vec<Vec<(ActorId, Channels)>> = vec![Vec::new(); COMMUNITIES.len()];
    let home_district: Vec<usize> = (0..COMMUNITIES.len()).map(|c| c % district_count).collect();
    for i in 0..organisation_count {
        let community = i % COMMUNITIES.len();
        let c = &COMMUNITIES[community];
        let base = c.organisations[(i / COMMUNITIES.len()) % c.organisations.len()];
        let round = i / (COMMUNITIES.len() * c.organisations.len());
        let district = if b.rng.chance(0.6) {
            home_district[community]
        } else {
            b.rng.below(district_count)
        };
        let name = if round == 0 {
            base.to_owned()
        } else {
            format!("{base} – {} branch", DISTRICTS[district].0)
        };
        let mut codes = vec![c.language, LOCAL];
        if c.language == LOCAL {
            codes.pop();
        }
        if b.rng.chance(0.2) {
            let other = COMMUNITIES
                [(community + 1 + b.rng.below(COMMUNITIES.len() - 1)) % COMMUNITIES.len()]
            .language;
            if !codes.contains(&other) {
                codes.push(other);
            }
        }
        let organisation = Actor {
            id: id("o", i + 1, organisation_width),
            kind: ActorKind::Organisation,
            name: Name::parse(&name).expect("a valid name"),
            languages: languages(&codes),
            location: Some(near(&mut b.rng, centre(district), 1.0)),
            city: Some(districts[district].clone()),
            channels: b.channels(&OFFICE_CHANNELS),
            consent: Consent::none(),
            attributes: Attributes::default(),
        };
        let (org_id, org_channels) = (organisation.id.clone(), organisation.channels.clone());
        b.actor(organisation);
        b.tie(
            &org_id,
            &districts[district],
            TieKind::LocatedIn,
            Trust::parse(1.0).expect("1 is valid"),
            Channels::default(),
        );
        // Most organisations work with one or two responders; some with each other.
        for _ in 0..(b.rng.below(3)) {
            let (responder, responder_channels, _) = &responders[b.rng.below(responders.len())];
            let channels = b.shared(&org_channels, responder_channels);
            let trust = trust(&mut b.rng, 0.4, 1.0);
            b.tie(&org_id, responder, TieKind::PartnersWith, trust, channels);
        }
        if let Some((peer, peer_channels)) = organisations_of
            .iter()
            .flatten()
            .nth(b.rng.below(i.max(1)))
            .cloned()
            && b.rng.chance(0.5)
        {
            let channels = b.shared(&org_channels, &peer_channels);
            let trust = trust(&mut b.rng, 0.3, 0.9);
            b.tie(&org_id, &peer, TieKind::PartnersWith, trust, channels);
        }
        organisations_of[community].push((org_id, org_channels));
    }

    // Migrants.
    let migrant_width = width(migrants).max(4);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); COMMUNITIES.len()];
    let mut local_speakers: Vec<usize> = Vec::new();
    let mut isolated = vec![false; migrants];
    let mut migrant_channels = Vec::with_capacity(migrants);
    // Each migrant's id, shared by their ties (a million-migrant city has 7.5 million ties
    // between migrants: one copy of each id, not one per tie end).
    let mut migrant_ids: Vec<ActorId> = Vec::with_capacity(migrants);
    // Its own stream, so the city drawn from `b.rng` stays the same.
    let mut consent_rng = Rng::new(seed ^ 0xC0_45E7);
    for i in 0..migrants {
        let community = {
            let mut roll = b.rng.unit() * COMMUNITIES.iter().map(|c| c.share).sum::<f64>();
            COMMUNITIES
                .iter()
                .position(|c| {
                    roll -= c.share;
                    roll < 0.0
                })
                .unwrap_or(COMMUNITIES.len() - 1)
        };
        let c = &COMMUNITIES[community];
        let speaks_local = b.rng.chance(0.35);
        let mut codes = vec![c.language];
        if speaks_local && c.language != LOCAL {
            codes.push(LOCAL);
        }
        let district = if b.rng.chance(0.6) {
            home_district[community]
        } else {
            b.rng.below(district_count)
        };
        let name = format!("{} {}", b.rng.pick(c.given), b.rng.pick(c.family));
        let location = (!b.rng.chance(0.08)).then(|| near(&mut b.rng, centre(district), 1.5));
        let channels = b.channels(&PERSON_CHANNELS);
        let migrant = Actor {
            id: id("m", i + 1, migrant_width),
            kind: ActorKind::Migrant,
            name: Name::parse(&name).expect("a valid name"),
            languages: languages(&codes),
            location,
            city: Some(districts[district].clone()),
            channels: channels.clone(),
            consent: if b.rng.chance(0.88) {
                demo_consent(&mut consent_rng, b.verified_until)
            } else {
                Consent::none()
            },
            attributes: Attributes::default(),
        };
        let migrant_id = migrant.id.clone();
        migrant_ids.push(migrant_id.clone());
        b.actor(migrant);
        migrant_channels.push(channels);
        b.tie(
            &migrant_id,
            &districts[district],
            TieKind::LocatedIn,
            Trust::parse(1.0).expect("1 is valid"),
            Channels::default(),
        );
        isolated[i] = b.rng.chance(0.03);
        if isolated[i] {
            continue;
        }
        members[community].push(i);
        if speaks_local {
            local_speakers.push(i);
        }
        // Membership of one or two of the community's organisations.
        let organisations = &organisations_of[community];
        let joins = if b.rng.chance(0.2) {
            0
        } else if b.rng.chance(0.25) {
            2
        } else {
            1
        };
        for _ in 0..joins.min(organisations.len()) {
            let (organisation, organisation_channels) =
                organisations[b.rng.below(organisations.len())].clone();
            let channels = b.shared(&migrant_channels[i], &organisation_channels);
            let trust = trust(&mut b.rng, 0.4, 0.95);
            b.tie(
                &migrant_id,
                &organisation,
                TieKind::MemberOf,
                trust,
                channels,
            );
            if b.rng.chance(0.25) {
                let trust = trust_for_service(&mut b.rng);
                b.tie(
                    &organisation,
                    &migrant_id,
                    TieKind::Serves,
                    trust,
                    Channels::new(vec![Channel::Phone, Channel::InPerson]),
                );
            }
        }
        if speaks_local && b.rng.chance(0.04) {
            let (responder, _, _) = responders[b.rng.below(responders.len())].clone();
            let trust = trust_for_service(&mut b.rng);
            b.tie(
                &responder,
                &migrant_id,
                TieKind::Serves,
                trust,
                Channels::new(vec![Channel::Phone, Channel::Sms]),
            );
        }
    }

    // Who knows whom: mostly inside the community (bonding), some across it through the local
    // language (bridging). Each migrant starts two to thirteen acquaintanceships
    // (about 7.5), so a city of 100,000 migrants has about a million ties.
    let mut known: HashSet<(usize, usize)> = HashSet::new();
    for community in &members {
        for &i in community {
            let wanted = 2 + b.rng.below(12);
            for _ in 0..wanted {
                let cross = b.rng.chance(0.12) && !local_speakers.is_empty();
                let j = if cross {
                    *b.rng.pick(&local_speakers)
                } else {
                    *b.rng.pick(community)
                };
                if j == i || !known.insert((i.min(j), i.max(j))) {
                    continue;
                }
                let channels = b.shared(&migrant_channels[i], &migrant_channels[j]);
                let trust = if cross {
                    trust(&mut b.rng, 0.3, 0.8)
                } else {
                    trust(&mut b.rng, 0.5, 1.0)
                };
                b.tie(
                    &migrant_ids[i],
                    &migrant_ids[j],
                    TieKind::Knows,
                    trust,
                    channels,
                );
            }
        }
    }

    // The set of ties made (150 MB at a million migrants) goes before the city is written.
    City {
        actors: b.actors,
        ties: b.ties,
    }
}

/// The demo city of `seed` and `migrants` as one batch (for small cities and tests: the
/// million-migrant city is written in parts, see [`City::parts`]).
pub fn generate(seed: u64, migrants: usize) -> Batch {
    draw(seed, migrants)
        .parts(usize::MAX)
        .next()
        .expect("a city has a first part")
}

/// The demo city as drawn: every actor, and the ties in a compact form until they are written.
pub struct City {
    actors: Vec<Actor>,
    ties: Vec<DemoTie>,
}

impl City {
    /// Ties per part a city is written in by [`crate::app::load_demo`]: the demo city of
    /// 100,000 migrants (955,000 ties) is one part, so one all-or-nothing write; the million-
    /// migrant city ten, so that its drafts (about 200 bytes a tie) never all exist at once.
    pub const TIES_PER_PART: usize = 1_000_000;

    /// How many ties the city has.
    pub fn tie_count(&self) -> usize {
        self.ties.len()
    }

    /// The city as batches to write one after the other: every actor and the first
    /// `ties_per_part` ties, then the next ties in parts of that size. Each part is made only
    /// when asked for; a tie's id is its place among all ties, whatever the parts.
    pub fn parts(self, ties_per_part: usize) -> impl Iterator<Item = Batch> {
        let file: std::sync::Arc<str> = "demo".into();
        let tie_width = width(self.ties.len()).max(4);
        let mut actors = Some(self.actors);
        let mut ties = self.ties.into_iter().enumerate().peekable();
        std::iter::from_fn(move || {
            let first = actors.take();
            if first.is_none() && ties.peek().is_none() {
                return None;
            }
            let mut batch = Batch::new(WriteMode::Upsert);
            batch.actors = first
                .into_iter()
                .flatten()
                .enumerate()
                .map(|(i, actor)| Draft::new(actor, RowRef::new(file.clone(), i + 1)))
                .collect();
            batch.ties = ties
                .by_ref()
                .take(ties_per_part.max(1))
                .map(|(i, tie)| {
                    let tie = Tie {
                        id: tie_id(i, tie_width),
                        source: tie.source,
                        target: tie.target,
                        kind: tie.kind,
                        trust: tie.trust,
                        channels: channels_of(tie.channels),
                        last_verified: tie.last_verified,
                        note: None,
                    };
                    Draft::new(tie, RowRef::new(file.clone(), i + 1))
                })
                .collect();
            Some(batch)
        })
    }
}

/// The id of the demo city's `i`-th tie (from 0), numbered in `width` digits.
fn tie_id(i: usize, width: usize) -> TieId {
    TieId::parse(&format!("t-{:0width$}", i + 1)).expect("demo tie ids are well formed")
}

/// Demo interviews: every fiftieth migrant who consented (at most `MAX_DEMO_INTERVIEWS`) told
/// an interviewer about the ties the demo city gives them, on the day and to the team their
/// consent says, in their first language where the protocol has it. Records of what the network
/// already holds (the interviews add no actor or tie), so the pages have interviews to show.
pub fn interviews(city: &City, seed: u64) -> Vec<crate::store::StoredInterview> {
    use std::collections::{HashMap, HashSet};
    const PROTOCOL_LANGUAGES: [&str; 6] = ["eng", "fra", "spa", "ara", "jpn", "por"];
    const FREQUENCIES: [&str; 4] = ["daily", "weekly", "monthly", "rarely"];
    let mut rng = Rng::new(seed ^ 0x1E7E_A1E5);
    let egos: Vec<&Actor> = city
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Migrant && a.consent.recorded_on().is_some())
        .step_by(50)
        .take(MAX_DEMO_INTERVIEWS)
        .collect();
    let chosen: HashSet<&ActorId> = egos.iter().map(|a| &a.id).collect();
    // Each chosen migrant's ties with their place among the city's ties (their id).
    let mut ties_of: HashMap<&ActorId, Vec<(usize, &DemoTie)>> = HashMap::new();
    for (i, tie) in city.ties.iter().enumerate() {
        for end in [&tie.source, &tie.target] {
            if chosen.contains(end) && tie.kind != TieKind::LocatedIn {
                ties_of.entry(end).or_default().push((i, tie));
            }
        }
    }
    // Whom they may name, and which of those know each other (for the sociograms): a few
    // thousand actors, not the city.
    let named: HashSet<&ActorId> = ties_of
        .values()
        .flatten()
        .flat_map(|(_, tie)| [&tie.source, &tie.target])
        .collect();
    let kinds: HashMap<&ActorId, ActorKind> = city
        .actors
        .iter()
        .filter(|a| named.contains(&a.id))
        .map(|a| (&a.id, a.kind))
        .collect();
    let mut knows: HashSet<(&ActorId, &ActorId)> = HashSet::new();
    for tie in &city.ties {
        if tie.kind == TieKind::Knows && named.contains(&tie.source) && named.contains(&tie.target)
        {
            knows.insert((&tie.source, &tie.target));
            knows.insert((&tie.target, &tie.source));
        }
    }
    let tie_width = width(city.ties.len()).max(4);
    egos.iter()
        .enumerate()
        .map(|(n, ego)| {
            let mut named: Vec<serde_json::Value> = Vec::new();
            let mut named_ids: Vec<&ActorId> = Vec::new();
            let mut tie_records = Vec::new();
            let told = 2 + rng.below(7);
            for &(i, tie) in ties_of.get(&ego.id).into_iter().flatten().take(told) {
                let outward = tie.source == ego.id;
                let other = if outward { &tie.target } else { &tie.source };
                let generator = match (tie.kind, outward) {
                    (TieKind::Knows, true) => "emergency_information",
                    (TieKind::Knows, false) => "asks_you",
                    (TieKind::MemberOf, _) => "groups",
                    _ => "services",
                };
                let channels: Vec<&str> = channels_of(tie.channels)
                    .as_slice()
                    .iter()
                    .map(|c| c.as_str())
                    .collect();
                named.push(serde_json::json!({
                    "ref": format!("p{}", named.len() + 1),
                    "id": other.to_string(),
                    "new": false,
                    "generators": [generator],
                    "languages": [],
                    "channels": channels,
                    "trust": (tie.trust.value() * 5.0).round().clamp(1.0, 5.0) as u8,
                    "frequency": FREQUENCIES[rng.below(FREQUENCIES.len())],
                }));
                named_ids.push(other);
                tie_records.push(serde_json::json!({"id": tie_id(i, tie_width).to_string(),
                    "source": tie.source.to_string(), "target": tie.target.to_string(),
                    "kind": tie.kind.as_str()}));
            }
            let mut sociogram = Vec::new();
            for (i, a) in named_ids.iter().enumerate() {
                for b in &named_ids[i + 1..] {
                    let people = kinds.get(a) == Some(&ActorKind::Migrant)
                        && kinds.get(b) == Some(&ActorKind::Migrant);
                    if people && knows.contains(&(*a, *b)) {
                        sociogram.push(serde_json::json!({"a": a.to_string(), "b": b.to_string()}));
                    }
                }
            }
            let first = ego.languages.first();
            let language = first
                .as_ref()
                .map(|l| l.as_str())
                .filter(|l| PROTOCOL_LANGUAGES.contains(l))
                .unwrap_or("eng");
            let on = ego.consent.recorded_on().expect("chosen for it");
            let by = ego
                .consent
                .recorded_by()
                .map_or("Field team 1", |b| b.as_str())
                .to_owned();
            let id = format!("i-{:016x}{:016x}", rng.next_u64(), n as u64);
            let key = format!("demo-{}", ego.id);
            let recorded_at = format!("{on}T12:00:00.000000Z");
            let purposes: Vec<&str> = ego.consent.purposes().map(|p| p.as_str()).collect();
            let document = serde_json::json!({
                "id": id, "key": key, "protocol_version": 1, "language": language,
                "conducted_on": on.to_string(), "recorded_by": by, "recorded_at": recorded_at,
                "consent": {"purposes": purposes,
                            "expires": ego.consent.expires().map(|d| d.to_string())},
                "ego": {"id": ego.id.to_string(), "new": false},
                "named": named, "sociogram": sociogram, "ties": tie_records,
            });
            crate::store::StoredInterview {
                id,
                key,
                ego: ego.id.to_string(),
                recorded_at,
                recorded_by: by,
                document: document.to_string(),
            }
        })
        .collect()
}

/// The most demo interviews.
const MAX_DEMO_INTERVIEWS: usize = 100;

/// A migrant's consent as field teams record it: warnings always, partner sharing and research
/// for most, recorded over the two years before `until` by one of a few teams, some of it for
/// two years only (and so, for the oldest, already expired).
fn demo_consent(rng: &mut Rng, until: Date) -> Consent {
    let mut purposes = vec![Purpose::Warnings];
    if rng.chance(0.6) {
        purposes.push(Purpose::Partners);
    }
    if rng.chance(0.85) {
        purposes.push(Purpose::Research);
    }
    let recorded_on = until - chrono::Days::new(rng.below(730) as u64);
    let recorded_by =
        Name::parse(&format!("Field team {}", 1 + rng.below(4))).expect("a valid name");
    let expires = rng
        .chance(0.25)
        .then(|| recorded_on + chrono::Days::new(730));
    Consent::new(purposes, Some(recorded_on), Some(recorded_by), expires)
        .expect("expiry follows recording")
}

fn trust_for_service(rng: &mut Rng) -> Trust {
    trust(rng, 0.3, 0.9)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Existing, Language, check_references};

    #[test]
    fn each_district_centre_lies_in_its_own_outline_only() {
        for migrants in [100, 20_000] {
            let outlines = outlines(migrants);
            assert_eq!(outlines.len(), district_count(migrants));
            for (i, (city, geometry)) in outlines.iter().enumerate() {
                assert_eq!(city.as_str(), format!("c-{:02}", i + 1));
                let area = crate::analysis::Area::from_geojson(geometry.clone()).unwrap();
                for (j, (_, lat, lon)) in DISTRICTS[..outlines.len()].iter().enumerate() {
                    assert_eq!(
                        area.contains(*lon, *lat),
                        i == j,
                        "centre {j} in outline {i}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_city() {
        assert_eq!(generate(3, 300), generate(3, 300));
        assert_ne!(generate(3, 300), generate(4, 300));
    }

    #[test]
    fn a_city_written_in_parts_is_the_city_written_at_once() {
        let whole = generate(3, 300);
        let parts: Vec<Batch> = draw(3, 300).parts(250).collect();
        assert_eq!(parts.len(), whole.ties.len().div_ceil(250));
        assert_eq!(parts[0].actors, whole.actors);
        assert!(parts[1..].iter().all(|part| part.actors.is_empty()));
        let ties: Vec<_> = parts.into_iter().flat_map(|part| part.ties).collect();
        assert_eq!(ties, whole.ties);
        assert_eq!(
            ties[260].value.id.as_str(),
            "t-0261",
            "ids run on across parts"
        );
    }

    #[test]
    fn the_demo_city_obeys_every_rule_of_the_model() {
        let batch = generate(DEFAULT_SEED, DEFAULT_MIGRANTS);
        assert!(check_references(&batch, &Existing::default()).is_ok());
    }

    #[test]
    fn the_demo_city_has_the_planned_shape() {
        let batch = generate(DEFAULT_SEED, DEFAULT_MIGRANTS);
        let count = |kind| batch.actors.iter().filter(|d| d.kind == kind).count();
        assert_eq!(count(ActorKind::Migrant), 2000);
        assert_eq!(count(ActorKind::Organisation), 40);
        assert_eq!(count(ActorKind::Responder), 8);
        assert_eq!(count(ActorKind::City), 5);
        let first_languages: HashSet<Language> = batch
            .actors
            .iter()
            .filter(|d| d.kind == ActorKind::Migrant)
            .filter_map(|d| d.languages.first())
            .collect();
        assert_eq!(first_languages.len(), 8);
        // Some people are isolated: no tie but their district.
        let social: HashSet<&ActorId> = batch
            .ties
            .iter()
            .filter(|d| d.kind != TieKind::LocatedIn)
            .flat_map(|d| [&d.source, &d.target])
            .collect();
        let isolated = batch
            .actors
            .iter()
            .filter(|d| d.kind == ActorKind::Migrant && !social.contains(&d.id))
            .count();
        assert!(
            (20..200).contains(&isolated),
            "{isolated} isolated migrants"
        );
    }
}
