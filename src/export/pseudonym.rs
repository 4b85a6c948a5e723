//! Research pseudonyms: stable keyed ids and coarse locations.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::domain::Location;

/// Turns ids into keyed pseudonyms (HMAC-SHA-256 with the deployment's secret, 80 bits shown)
/// and locations into the centres of about 1 km cells. Two exports from one deployment give
/// every actor the same pseudonym, so studies can link them; without the secret nobody can turn
/// a pseudonym back into an id.
#[derive(Clone)]
pub struct Pseudonymizer {
    key: Vec<u8>,
}

impl std::fmt::Debug for Pseudonymizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pseudonymizer(..)")
    }
}

impl Pseudonymizer {
    /// The name of the store secret that keys the pseudonyms.
    pub const SECRET_NAME: &'static str = "pseudonym-key";
    /// The side of a location cell, in metres.
    pub const GRID_METRES: u32 = 1000;

    /// A pseudonymizer keyed with the deployment's secret.
    pub fn new(key: &[u8]) -> Self {
        Self { key: key.to_vec() }
    }

    fn pseudonym(&self, prefix: &str, domain: &str, id: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key");
        mac.update(domain.as_bytes());
        mac.update(&[0]);
        mac.update(id.as_bytes());
        let digest = mac.finalize().into_bytes();
        let hex: String = digest[..10].iter().map(|b| format!("{b:02x}")).collect();
        format!("{prefix}{hex}")
    }

    /// An actor's pseudonym: `a-` and 20 hex digits.
    pub fn actor(&self, id: &str) -> String {
        self.pseudonym("a-", "actor", id)
    }

    /// A tie's pseudonym: `t-` and 20 hex digits.
    pub fn tie(&self, id: &str) -> String {
        self.pseudonym("t-", "tie", id)
    }

    /// The centre of the location's grid cell (see [`Location::snapped`]).
    pub fn location(&self, location: Location) -> Location {
        location.snapped(f64::from(Self::GRID_METRES))
    }
}

#[cfg(test)]
mod tests {
    use super::Pseudonymizer;

    #[test]
    fn pseudonyms_are_stable_per_key_and_differ_across_keys_and_ids() {
        let one = Pseudonymizer::new(&[1; 32]);
        let same = Pseudonymizer::new(&[1; 32]);
        let other = Pseudonymizer::new(&[2; 32]);

        assert_eq!(one.actor("m-0001"), same.actor("m-0001"));
        assert_ne!(one.actor("m-0001"), other.actor("m-0001"));
        assert_ne!(one.actor("m-0001"), one.actor("m-0002"));
        assert_ne!(one.actor("x"), one.tie("x"), "actors and ties apart");
        let pseudonym = one.actor("m-0001");
        assert_eq!(pseudonym.len(), 22);
        assert!(!pseudonym.contains("0001"));
        assert!(relaymap_id_is_valid(&pseudonym));
        assert_eq!(
            format!("{one:?}"),
            "Pseudonymizer(..)",
            "the key never shows"
        );
    }

    fn relaymap_id_is_valid(raw: &str) -> bool {
        crate::domain::ActorId::parse(raw).is_ok()
    }
}
