//! How the pages say things, in the interface language: languages by name, channels and kinds
//! in words, numbers and places rounded as people read them. One place, so every page says them
//! alike; the words are messages of `locales/<tag>/words.ftl`.

use crate::analysis::Capital;
use crate::domain::{ActorKind, Channel, TieKind};
use crate::i18n::Tr;

/// A language as a page shows it: its name in the interface language, or its code where CLDR
/// and ISO 639-3 have no name.
pub(crate) fn language(tr: Tr, code: &str) -> String {
    tr.language(code)
}

/// A list as the interface language writes one (`a, b`; `a、b`; `a، b`).
pub(crate) fn list(tr: Tr, items: impl IntoIterator<Item = String>) -> String {
    let items: Vec<String> = items.into_iter().collect();
    if items.is_empty() {
        return "–".into();
    }
    items.join(&tr.t("words-list-separator"))
}

/// Languages by name, first language first; a dash for none.
pub(crate) fn languages<S: AsRef<str>>(tr: Tr, codes: &[S]) -> String {
    list(tr, codes.iter().map(|c| language(tr, c.as_ref())))
}

/// A channel in words; an unknown name as it is.
pub(crate) fn channel(tr: Tr, name: &str) -> String {
    let id = match Channel::parse(name) {
        Ok(Channel::InPerson) => "channel-in-person",
        Ok(Channel::Phone) => "channel-phone",
        Ok(Channel::Sms) => "channel-sms",
        Ok(Channel::Whatsapp) => "channel-whatsapp",
        Ok(Channel::Radio) => "channel-radio",
        Ok(Channel::SocialMedia) => "channel-social-media",
        Ok(Channel::Email) => "channel-email",
        Err(_) => return name.to_owned(),
    };
    tr.t(id)
}

/// Channels in words; a dash for none.
pub(crate) fn channels<S: AsRef<str>>(tr: Tr, names: &[S]) -> String {
    list(tr, names.iter().map(|c| channel(tr, c.as_ref())))
}

/// An actor kind, as a heading or a table cell says it ("Migrant").
pub(crate) fn kind(tr: Tr, kind: ActorKind) -> String {
    tr.t(match kind {
        ActorKind::Migrant => "kind-migrant",
        ActorKind::Organisation => "kind-organisation",
        ActorKind::Responder => "kind-responder",
        ActorKind::City => "kind-city",
    })
}

/// An actor kind inside a sentence ("a migrant").
pub(crate) fn a_kind(tr: Tr, kind: ActorKind) -> String {
    tr.t(match kind {
        ActorKind::Migrant => "kind-a-migrant",
        ActorKind::Organisation => "kind-an-organisation",
        ActorKind::Responder => "kind-a-responder",
        ActorKind::City => "kind-a-city",
    })
}

/// A tie kind in words ("member of").
pub(crate) fn tie_kind(tr: Tr, kind: TieKind) -> String {
    tr.t(match kind {
        TieKind::Knows => "tie-kind-knows",
        TieKind::MemberOf => "tie-kind-member-of",
        TieKind::PartnersWith => "tie-kind-partners-with",
        TieKind::Serves => "tie-kind-serves",
        TieKind::LocatedIn => "tie-kind-located-in",
    })
}

/// A tie read from one of its ends: from the source ("is a member of") or from the target
/// ("has as a member").
pub(crate) fn relation(tr: Tr, kind: TieKind, from_source: bool) -> String {
    tr.t(match (kind, from_source) {
        (TieKind::Knows, _) => "relation-knows",
        (TieKind::MemberOf, true) => "relation-member-of",
        (TieKind::MemberOf, false) => "relation-has-member",
        (TieKind::PartnersWith, _) => "relation-partners-with",
        (TieKind::Serves, true) => "relation-serves",
        (TieKind::Serves, false) => "relation-served-by",
        (TieKind::LocatedIn, true) => "relation-located-in",
        (TieKind::LocatedIn, false) => "relation-city-of",
    })
}

/// Whether an actor of this kind can be at either end of a tie of that kind.
pub(crate) fn can_join(kind: TieKind, actor: ActorKind) -> bool {
    ActorKind::ALL
        .iter()
        .any(|other| kind.fits(actor, *other) || kind.fits(*other, actor))
}

/// A tie kind as a choice on an actor's card: the relation read from the card's actor, with
/// the kinds it may join ("Is a member of (an organisation)").
pub(crate) fn tie_choice(tr: Tr, kind: TieKind, actor: ActorKind) -> String {
    let others = |from_actor: bool| -> Vec<String> {
        ActorKind::ALL
            .iter()
            .filter(|other| {
                if from_actor {
                    kind.fits(actor, **other)
                } else {
                    kind.fits(**other, actor)
                }
            })
            .map(|other| a_kind(tr, *other))
            .collect()
    };
    let (outgoing, incoming) = (others(true), others(false));
    let or = tr.t("words-or");
    let choice = |relation: String, kinds: Vec<String>| {
        capitalised(&tr.t2(
            "tie-choice",
            ("relation", relation),
            ("kinds", kinds.join(&or)),
        ))
    };
    let mut said: Vec<String> = Vec::new();
    if !outgoing.is_empty() {
        said.push(choice(relation(tr, kind, true), outgoing.clone()));
    }
    let incoming_differs = relation(tr, kind, false) != relation(tr, kind, true);
    if (!incoming.is_empty() && incoming_differs) || outgoing.is_empty() {
        said.push(choice(relation(tr, kind, false), incoming));
    }
    said.join(" / ")
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// A kind of social capital in words.
pub(crate) fn capital(tr: Tr, class: Capital) -> String {
    tr.t(match class {
        Capital::Bonding => "capital-bonding",
        Capital::Bridging => "capital-bridging",
        Capital::Linking => "capital-linking",
    })
}

/// A moment of the audit trail or a token: date and time in UTC as the interface language
/// writes them (CLDR).
pub(crate) fn moment(tr: Tr, at: &crate::domain::Timestamp) -> String {
    tr.moment(at)
}

/// An audit entry's outcome in words.
pub(crate) fn outcome(tr: Tr, outcome: &str) -> String {
    let id = match outcome {
        "ok" => "outcome-ok",
        "forbidden" => "outcome-forbidden",
        "unauthenticated" => "outcome-unauthenticated",
        "csrf" => "outcome-csrf",
        "failed" => "outcome-failed",
        "too_many_failures" => "outcome-too-many-failures",
        "422" | "400" => "outcome-refused",
        "409" => "outcome-conflict",
        "413" => "outcome-too-large",
        "429" => "outcome-too-many",
        other if other.starts_with('5') => "outcome-server-error",
        other => return other.to_owned(),
    };
    tr.t(id)
}

/// A coordinate in degrees, to five decimals (about a metre).
pub(crate) fn coordinate(tr: Tr, degrees: f64) -> String {
    tr.decimal(degrees, 5)
}

/// A consent purpose in words.
pub(crate) fn purpose(tr: Tr, purpose: crate::domain::Purpose) -> String {
    tr.t(match purpose {
        crate::domain::Purpose::Warnings => "purpose-warnings",
        crate::domain::Purpose::Partners => "purpose-partners",
        crate::domain::Purpose::Research => "purpose-research",
    })
}

/// What a person agreed to, when, by whom recorded and until when, in a sentence.
pub(crate) fn consent(
    tr: Tr,
    consent: &crate::domain::Consent,
    today: crate::domain::Date,
) -> String {
    if !consent.is_recorded() {
        return tr.t("consent-none");
    }
    let purposes = list(tr, consent.purposes().map(|p| purpose(tr, p)));
    let mut parts = vec![if consent.has_expired(today) {
        tr.t1("consent-expired", "purposes", purposes)
    } else {
        tr.t1("consent-given", "purposes", purposes)
    }];
    if let Some(on) = consent.recorded_on() {
        parts.push(match consent.recorded_by() {
            Some(by) => tr.t2(
                "consent-recorded-by",
                ("day", on.to_string()),
                ("by", by.as_str()),
            ),
            None => tr.t1("consent-recorded", "day", on.to_string()),
        });
    }
    if let Some(until) = consent.expires()
        && !consent.has_expired(today)
    {
        parts.push(tr.t1("consent-until", "day", until.to_string()));
    }
    tr.t1(
        "consent-sentence",
        "parts",
        parts.join(&tr.t("words-clause-separator")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr(tag: &str) -> Tr {
        crate::i18n::catalog().negotiate(Some(tag), None)
    }

    #[test]
    fn languages_read_as_names_and_unknown_codes_as_themselves() {
        assert_eq!(languages(tr("en"), &["tir", "eng"]), "Tigrinya, English");
        assert_eq!(languages(tr("ja"), &["tir", "eng"]), "ティグリニア語、英語");
        assert_eq!(language(tr("en"), "qqq"), "qqq");
        assert_eq!(languages::<&str>(tr("en"), &[]), "–");
    }

    #[test]
    fn channels_and_coordinates_read_as_people_write_them() {
        assert_eq!(
            channels(tr("en"), &["whatsapp", "in_person", "sms"]),
            "WhatsApp, In person, SMS"
        );
        assert_eq!(coordinate(tr("en"), 44.10000000000001), "44.10000");
        assert_eq!(coordinate(tr("fr"), 44.1), "44,10000");
    }

    #[test]
    fn a_tie_choice_reads_from_the_card_it_is_on() {
        use ActorKind::*;
        let en = tr("en");
        assert_eq!(
            tie_choice(en, TieKind::MemberOf, Migrant),
            "Is a member of (an organisation)"
        );
        assert_eq!(
            tie_choice(en, TieKind::MemberOf, Organisation),
            "Has as a member (a migrant)"
        );
        assert_eq!(
            tie_choice(en, TieKind::PartnersWith, Responder),
            "Partners with (an organisation or a responder)"
        );
        assert!(!can_join(TieKind::Knows, Organisation));
        assert!(can_join(TieKind::LocatedIn, City));
    }
}
