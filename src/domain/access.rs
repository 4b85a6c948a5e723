//! Who may do what: roles, API tokens and the audit trail's entries.

use std::fmt;

use sha2::{Digest, Sha256};

use super::{DomainError, Timestamp};

/// What a token holder may see and do (graph-schema/README.md, "Access").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Everything, including tokens and the audit trail.
    Admin,
    /// Reads and writes the whole network, runs every analysis, sees personal data.
    Coordinator,
    /// Metrics, summaries and exports, always pseudonymised.
    Analyst,
    /// Counts and aggregates only, small cells suppressed.
    Viewer,
    /// Field interviews only: submits interviews and searches the roster by name; reads
    /// nothing else of the network.
    Interviewer,
}

impl Role {
    /// Every role, most powerful first.
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Coordinator,
        Role::Analyst,
        Role::Viewer,
        Role::Interviewer,
    ];

    /// The role's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Analyst => "analyst",
            Role::Viewer => "viewer",
            Role::Interviewer => "interviewer",
        }
    }

    /// The role's name with its article, as a sentence says it: "an admin", "a viewer".
    pub fn with_article(self) -> &'static str {
        match self {
            Role::Admin => "an admin",
            Role::Coordinator => "a coordinator",
            Role::Analyst => "an analyst",
            Role::Viewer => "a viewer",
            Role::Interviewer => "an interviewer",
        }
    }

    /// Parses a role name.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == raw)
            .ok_or_else(|| DomainError::UnknownRole(raw.chars().take(40).collect()))
    }

    /// Whether the role sees names, channels, notes, attributes, exact locations and people
    /// without consent.
    pub fn sees_personal_data(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinator)
    }
}

impl utoipa::PartialSchema for Role {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        super::values::enum_schema(Self::ALL.iter().map(|r| r.as_str()))
    }
}

impl utoipa::ToSchema for Role {}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An API token as stored: never its secret, only the secret's hash.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Stable id (`tok-` and 12 hex digits), shown in listings and used to revoke.
    pub id: String,
    /// Who or what holds it ("crisis cell laptop"): shown in the audit trail.
    pub label: String,
    /// What it may do.
    pub role: Role,
    /// When it was made.
    pub created_at: Timestamp,
    /// When it stops working, if ever.
    pub expires_at: Option<Timestamp>,
    /// When it was revoked, if it was.
    pub revoked_at: Option<Timestamp>,
}

impl Token {
    /// A new token of `role`, named `label`, made now, with its secret (to hand out once).
    pub fn issue(
        role: Role,
        label: String,
        expires_at: Option<Timestamp>,
    ) -> Result<(Token, TokenSecret), getrandom::Error> {
        let secret = TokenSecret::generate()?;
        let mut id = [0u8; 6];
        getrandom::fill(&mut id)?;
        let token = Token {
            id: format!("tok-{}", hex(&id)),
            label,
            role,
            created_at: super::now(),
            expires_at,
            revoked_at: None,
        };
        Ok((token, secret))
    }

    /// Whether the token works at `now`.
    pub fn is_valid_at(&self, now: &Timestamp) -> bool {
        self.revoked_at.is_none() && self.expires_at.is_none_or(|at| *now < at)
    }

    /// Checks a label: 1 to 100 characters, no control characters.
    pub fn parse_label(raw: &str) -> Result<String, DomainError> {
        let label = raw.trim();
        if label.is_empty()
            || label.chars().count() > 100
            || super::text::check_visible(label).is_err()
        {
            return Err(DomainError::InvalidLabel);
        }
        Ok(label.to_owned())
    }
}

/// A token's secret, as handed out once: `rm_` and 64 hex digits (256 random bits).
pub struct TokenSecret(String);

impl TokenSecret {
    /// A new random secret.
    pub fn generate() -> Result<Self, getrandom::Error> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes)?;
        Ok(Self(format!("rm_{}", hex(&bytes))))
    }

    /// The secret, to show its holder once.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The hash that is stored and looked up.
    pub fn hash(&self) -> String {
        hash_secret(&self.0)
    }
}

impl fmt::Debug for TokenSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TokenSecret(..)")
    }
}

/// The stored form of a presented secret: SHA-256 in hex. Secrets carry 256 random bits, so a
/// plain hash cannot be reversed by guessing.
pub fn hash_secret(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Who asks for something: a token's label, role and id (never its secret). What every use case
/// is given, from the HTTP layer or the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// The token's label, as the audit trail shows it (`cli` on the command line).
    pub label: String,
    /// The token's role.
    pub role: Role,
    /// The token's id: what limits per token count by.
    pub token: String,
}

impl Caller {
    /// The operator at the command line: whoever can read the store is an admin.
    pub fn command_line() -> Self {
        Self {
            label: "cli".into(),
            role: Role::Admin,
            token: "cli".into(),
        }
    }
}

/// One line of the audit trail: who did what to what, when, and how it ended. Never personal
/// data: targets are ids, never names.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    /// Position in the trail (assigned by the store, increasing).
    pub seq: u64,
    /// When.
    pub at: Timestamp,
    /// The token's label (`cli` for local commands, `anonymous` without a token).
    pub who: String,
    /// The token's role, if any.
    pub role: Option<Role>,
    /// What was done: `actor.create`, `import`, `export`, `token.create`, `signin`, ...
    pub action: String,
    /// What it was done to (an id, a format, a token id), if anything.
    pub target: Option<String>,
    /// `ok`, or why not (`denied`, `rejected`, `failed`, ...).
    pub outcome: String,
    /// How many records the call handed out or wrote, when it says.
    pub records: Option<u64>,
    /// The actors the call concerns beyond its target (the two ends of a tie), so that erasing
    /// one of them finds the entry after the tie is gone; forgotten by that erasure.
    pub subjects: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_random_and_only_their_hash_is_kept() {
        let a = TokenSecret::generate().unwrap();
        let b = TokenSecret::generate().unwrap();
        assert_ne!(a.expose(), b.expose());
        assert!(a.expose().starts_with("rm_") && a.expose().len() == 67);
        assert_eq!(a.hash(), hash_secret(a.expose()));
        assert_eq!(a.hash().len(), 64);
        assert!(!a.hash().contains(&a.expose()[3..]));
        assert_eq!(format!("{a:?}"), "TokenSecret(..)");
    }

    #[test]
    fn tokens_stop_working_when_expired_or_revoked() {
        let now = crate::domain::now();
        let token = Token {
            id: "tok-1".into(),
            label: "laptop".into(),
            role: Role::Viewer,
            created_at: now,
            expires_at: Some(now + chrono::Duration::days(1)),
            revoked_at: None,
        };
        assert!(token.is_valid_at(&now));
        assert!(!token.is_valid_at(&(now + chrono::Duration::days(2))));
        let revoked = Token {
            revoked_at: Some(now),
            ..token
        };
        assert!(!revoked.is_valid_at(&now));
        assert_eq!(Role::parse("analyst").unwrap(), Role::Analyst);
        assert!(Role::parse("root").is_err());
        assert!(Token::parse_label(" ").is_err());
    }
}
