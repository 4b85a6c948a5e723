//! How the pages say things: languages by name, channels and kinds in words, numbers and places
//! rounded as people read them. One place, so every page says them alike.

use crate::analysis::Capital;
use crate::domain::{ActorKind, Channel, Language, TieKind};

/// A language as a page shows it: its name, or its code where the tables have no name.
pub(crate) fn language(code: &str) -> String {
    Language::parse(code)
        .ok()
        .and_then(|l| l.english_name())
        .map_or_else(|| code.to_owned(), str::to_owned)
}

/// Languages by name, first language first, comma-separated; `–` for none.
pub(crate) fn languages<S: AsRef<str>>(codes: &[S]) -> String {
    if codes.is_empty() {
        return "–".into();
    }
    codes
        .iter()
        .map(|c| language(c.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A channel in words.
pub(crate) fn channel(name: &str) -> &str {
    match Channel::parse(name) {
        Ok(Channel::InPerson) => "In person",
        Ok(Channel::Phone) => "Phone",
        Ok(Channel::Sms) => "SMS",
        Ok(Channel::Whatsapp) => "WhatsApp",
        Ok(Channel::Radio) => "Radio",
        Ok(Channel::SocialMedia) => "Social media",
        Ok(Channel::Email) => "Email",
        Err(_) => name,
    }
}

/// Channels in words, comma-separated; `–` for none.
pub(crate) fn channels<S: AsRef<str>>(names: &[S]) -> String {
    if names.is_empty() {
        return "–".into();
    }
    names
        .iter()
        .map(|c| channel(c.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A kind of actor in words.
pub(crate) fn kind(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Migrant => "Migrant",
        ActorKind::Organisation => "Organisation",
        ActorKind::Responder => "Responder",
        ActorKind::City => "City",
    }
}

/// A kind of actor with its article: "a migrant", "an organisation".
pub(crate) fn a_kind(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Migrant => "a migrant",
        ActorKind::Organisation => "an organisation",
        ActorKind::Responder => "a responder",
        ActorKind::City => "a city",
    }
}

/// A kind of tie in words.
pub(crate) fn tie_kind(kind: TieKind) -> &'static str {
    match kind {
        TieKind::Knows => "knows",
        TieKind::MemberOf => "member of",
        TieKind::PartnersWith => "partners with",
        TieKind::Serves => "serves",
        TieKind::LocatedIn => "located in",
    }
}

/// What a tie says, read from one of its ends: from its source ("is a member of") or from its
/// target ("has as a member").
pub(crate) fn relation(kind: TieKind, from_source: bool) -> &'static str {
    match (kind, from_source) {
        (TieKind::Knows, _) => "knows",
        (TieKind::MemberOf, true) => "is a member of",
        (TieKind::MemberOf, false) => "has as a member",
        (TieKind::PartnersWith, _) => "partners with",
        (TieKind::Serves, true) => "serves",
        (TieKind::Serves, false) => "is served by",
        (TieKind::LocatedIn, true) => "is located in",
        (TieKind::LocatedIn, false) => "is the city of",
    }
}

/// Whether an actor of this kind can be at either end of a tie of `kind`.
pub(crate) fn can_join(kind: TieKind, actor: ActorKind) -> bool {
    ActorKind::ALL
        .iter()
        .any(|other| kind.fits(actor, *other) || kind.fits(*other, actor))
}

/// A tie form's choice of kind, read from an actor of kind `actor`: what the tie says and who
/// can be at the other end. "Member of (an organisation)", "Has as a member (a migrant)".
pub(crate) fn tie_choice(kind: TieKind, actor: ActorKind) -> String {
    let others = |from_actor: bool| -> Vec<&'static str> {
        ActorKind::ALL
            .iter()
            .filter(|other| {
                if from_actor {
                    kind.fits(actor, **other)
                } else {
                    kind.fits(**other, actor)
                }
            })
            .map(|other| a_kind(*other))
            .collect()
    };
    let (outgoing, incoming) = (others(true), others(false));
    let mut said: Vec<String> = Vec::new();
    if !outgoing.is_empty() {
        said.push(format!(
            "{} ({})",
            capitalised(relation(kind, true)),
            outgoing.join(" or ")
        ));
    }
    let incoming_differs = relation(kind, false) != relation(kind, true);
    if (!incoming.is_empty() && incoming_differs) || outgoing.is_empty() {
        said.push(format!(
            "{} ({})",
            capitalised(relation(kind, false)),
            incoming.join(" or ")
        ));
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
pub(crate) fn capital(class: Capital) -> &'static str {
    match class {
        Capital::Bonding => "bonding",
        Capital::Bridging => "bridging",
        Capital::Linking => "linking",
    }
}

/// A moment as people read it: to the minute, in UTC.
pub(crate) fn moment(at: &crate::domain::Timestamp) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// An audited call's outcome in words: `ok`, a refusal's reason, or an HTTP status.
pub(crate) fn outcome(outcome: &str) -> String {
    match outcome {
        "ok" => "Done".into(),
        "forbidden" => "Refused: not allowed".into(),
        "unauthenticated" => "Refused: not signed in".into(),
        "csrf" => "Refused: the form was too old".into(),
        "failed" => "Refused: unknown token".into(),
        "too_many_failures" => "Refused: too many failed sign-ins".into(),
        "422" | "400" => "Refused: nothing was written".into(),
        "409" => "Refused: it conflicts with what is stored".into(),
        "413" => "Refused: too large".into(),
        "429" => "Refused: too many at once".into(),
        other if other.starts_with('5') => "Failed: nothing was written".into(),
        other => other.to_owned(),
    }
}

/// A coordinate to five decimals (about a metre), not fifteen.
pub(crate) fn coordinate(degrees: f64) -> String {
    format!("{degrees:.5}")
}

/// What a consent purpose means, as the pages say it.
pub(crate) fn purpose(purpose: crate::domain::Purpose) -> &'static str {
    match purpose {
        crate::domain::Purpose::Warnings => "Emergency warnings and help",
        crate::domain::Purpose::Partners => "Sharing with partner organisations",
        crate::domain::Purpose::Research => "Anonymised research",
    }
}

/// A consent as the pages describe it: what it covers, when and by whom it was recorded, and
/// whether it still holds.
pub(crate) fn consent(consent: &crate::domain::Consent, today: crate::domain::Date) -> String {
    if !consent.is_recorded() {
        return "Not given: shown to coordinators only, never exported.".into();
    }
    let purposes: Vec<&str> = consent.purposes().map(purpose).collect();
    let mut text = if consent.has_expired(today) {
        format!(
            "Expired (counts as none) – was given for: {}",
            purposes.join(", ")
        )
    } else {
        format!("Given for: {}", purposes.join(", "))
    };
    if let Some(on) = consent.recorded_on() {
        text.push_str(&format!("; recorded on {on}"));
    }
    if let Some(by) = consent.recorded_by() {
        text.push_str(&format!(" by {}", by.as_str()));
    }
    if let Some(until) = consent.expires()
        && !consent.has_expired(today)
    {
        text.push_str(&format!("; until {until}"));
    }
    text.push('.');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_read_as_names_and_unknown_codes_as_themselves() {
        assert_eq!(languages(&["tir", "eng"]), "Tigrinya, English");
        assert_eq!(language("qqq"), "qqq");
        assert_eq!(languages::<&str>(&[]), "–");
    }

    #[test]
    fn channels_and_coordinates_read_as_people_write_them() {
        assert_eq!(
            channels(&["whatsapp", "in_person", "sms"]),
            "WhatsApp, In person, SMS"
        );
        assert_eq!(coordinate(44.10000000000001), "44.10000");
    }

    #[test]
    fn a_tie_choice_reads_from_the_card_it_is_on() {
        use ActorKind::*;
        assert_eq!(
            tie_choice(TieKind::MemberOf, Migrant),
            "Is a member of (an organisation)"
        );
        assert_eq!(
            tie_choice(TieKind::MemberOf, Organisation),
            "Has as a member (a migrant)"
        );
        assert_eq!(
            tie_choice(TieKind::PartnersWith, Responder),
            "Partners with (an organisation or a responder)"
        );
        assert!(!can_join(TieKind::Knows, Organisation));
        assert!(can_join(TieKind::LocatedIn, City));
    }
}
