//! Web sign-in: a token typed once into the sign-in form becomes a session cookie (HttpOnly,
//! SameSite=Strict, Secure behind TLS); sessions live in the store (so every server process on
//! it knows them) and end at sign-out, after [`SESSION_LIFETIME`], or as soon as their token is
//! revoked or expires. Also the limit on failed sign-ins and bad tokens, per client (kept by
//! each process).

use std::collections::{HashMap, VecDeque};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::ConnectInfo;
use axum::http::{Extensions, HeaderMap, header};

use crate::domain::{hash_secret, hex, now};
use crate::store::{GraphStore, StoreError, StoredSession};

/// The session cookie.
pub const SESSION_COOKIE: &str = "relaymap_session";
/// The cookie that carries the sign-in form's CSRF token before there is a session.
pub const SIGNIN_CSRF_COOKIE: &str = "relaymap_signin";
/// The header that carries a session's CSRF token on scripted writes.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// How long a session lasts at most.
pub const SESSION_LIFETIME: Duration = Duration::from_secs(12 * 3600);

/// A signed-in browser.
#[derive(Debug, Clone)]
pub struct Session {
    /// The hash of the token it signed in with: checked again on every request.
    pub token_hash: String,
    /// The token every form and scripted write of this session must carry.
    pub csrf: String,
}

/// The live sessions, kept in the store under the hash of their cookie (the cookie itself is
/// never kept), so that every server process on the store knows them.
pub struct Sessions {
    store: std::sync::Arc<dyn GraphStore>,
}

/// A random secret: 32 bytes, hex.
pub fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the system's random source");
    hex(&bytes)
}

impl Sessions {
    /// Sessions kept in `store`.
    pub fn new(store: std::sync::Arc<dyn GraphStore>) -> Self {
        Self { store }
    }

    /// Starts a session for a token; returns the cookie's value.
    pub async fn start(&self, token_hash: String) -> Result<String, StoreError> {
        let cookie = random_secret();
        let lifetime =
            chrono::Duration::from_std(SESSION_LIFETIME).expect("the lifetime is a few hours");
        let session = StoredSession {
            token_hash,
            csrf: random_secret(),
            expires_at: now() + lifetime,
        };
        self.store
            .create_session(&hash_secret(&cookie), &session)
            .await?;
        Ok(cookie)
    }

    /// The session a cookie belongs to, if it is live. A store that cannot be read is no
    /// session (the visitor is asked to sign in again), and said once in the log.
    pub async fn get(&self, cookie: &str) -> Option<Session> {
        match self.store.session(&hash_secret(cookie)).await {
            Ok(Some(session)) if session.expires_at > now() => Some(Session {
                token_hash: session.token_hash,
                csrf: session.csrf,
            }),
            Ok(_) => None,
            Err(error) => {
                tracing::warn!(error = %error, "a session could not be read");
                None
            }
        }
    }

    /// Ends the session of a cookie (nothing when there is none).
    pub async fn end(&self, cookie: &str) {
        if let Err(error) = self.store.end_session(&hash_secret(cookie)).await {
            tracing::warn!(error = %error, "a session could not be ended");
        }
    }
}

/// A cookie's value from the request's `Cookie` headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Strict, for the whole site; Secure when the server
/// sits behind TLS. `None` as the value deletes the cookie.
pub fn set_cookie(name: &str, value: Option<&str>, max_age: Duration, secure: bool) -> String {
    let (value, max_age) = match value {
        Some(value) => (value, max_age.as_secs()),
        None => ("", 0),
    };
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}")
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |diff, (x, y)| diff | (x ^ y))
            == 0
}

/// Who is calling, for the limit on failures: the peer's address, or behind a proxy the address
/// the proxy appended last to `X-Forwarded-For` (the only entry a client cannot forge).
pub fn client(headers: &HeaderMap, extensions: &Extensions, behind_proxy: bool) -> IpAddr {
    if behind_proxy {
        let forwarded = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .last()
            .and_then(|last| last.trim().parse::<IpAddr>().ok());
        if let Some(address) = forwarded {
            return per_network(address);
        }
    }
    let address = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
    per_network(address)
}

/// An IPv6 client is its /64 (one household or host gets a whole /64 to rotate through); an
/// IPv4 client is its address.
fn per_network(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let mut segments = v6.segments();
                segments[4..].fill(0);
                IpAddr::V6(std::net::Ipv6Addr::from(segments))
            }
        },
        v4 => v4,
    }
}

/// Failed sign-ins and requests with bad tokens, per client: after `max` failures within
/// `window`, the client's credentials are not even checked until the oldest failure leaves the
/// window (429 with `Retry-After`).
///
/// Every failure is also counted in the store, where every server process on it counts: each
/// process learns a client's failures elsewhere at that client's next failure with it, so a
/// client spreading its tries over N processes gets at most `max + N - 1` of them per window.
/// Checking a credential asks only this process's memory: the store is asked on failures only.
pub struct Limiter {
    failures: Mutex<HashMap<IpAddr, VecDeque<Instant>>>,
    max: usize,
    window: Duration,
    /// The store the processes share, and the key that hashes an address before it goes there.
    shared: Option<(Arc<dyn GraphStore>, Vec<u8>)>,
}

/// The store secret that keys the hashes of client addresses in the failure count.
pub const FAILURE_KEY: &str = "failure-limit";

/// The most clients the limiter tracks at once; beyond it, the stalest are forgotten.
const MAX_CLIENTS: usize = 100_000;

impl Limiter {
    /// A limit of `max` failures per `window`.
    pub fn new(max: usize, window: Duration) -> Self {
        Self {
            failures: Mutex::new(HashMap::new()),
            max: max.max(1),
            window,
            shared: None,
        }
    }

    /// A limit of `max` failures per `window`, counted together with every process on `store`;
    /// `key` (a store secret) hashes client addresses, which never reach the store.
    pub fn shared(max: usize, window: Duration, store: Arc<dyn GraphStore>, key: Vec<u8>) -> Self {
        Self {
            shared: Some((store, key)),
            ..Self::new(max, window)
        }
    }

    /// Counts a failure, here and in the store; takes the store's count of the client's
    /// failures (every process's) when it holds more than this process knows of.
    pub async fn failed(&self, client: IpAddr) {
        self.count_here(client);
        let Some((store, key)) = &self.shared else {
            return;
        };
        let now = crate::domain::now();
        let window = chrono::Duration::from_std(self.window).unwrap_or(chrono::Duration::MAX);
        let since = now.checked_sub_signed(window).unwrap_or(now);
        let hashed = {
            use hmac::Mac;
            let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).expect("any key");
            mac.update(client.to_string().as_bytes());
            crate::domain::hex(&mac.finalize().into_bytes())
        };
        match store.record_failure(&hashed, &now, &since).await {
            Ok(times) => {
                let here = Instant::now();
                let known: VecDeque<Instant> = times
                    .iter()
                    .rev()
                    .take(self.max)
                    .rev()
                    .filter_map(|at| {
                        here.checked_sub(
                            now.signed_duration_since(*at).to_std().unwrap_or_default(),
                        )
                    })
                    .collect();
                let mut failures = self.failures.lock().expect("limiter");
                let times = failures.entry(client).or_default();
                if known.len() > times.len() {
                    *times = known;
                }
            }
            Err(error) => tracing::warn!(error = %error, "the failure count was not shared"),
        }
    }

    /// How long the client must wait, if it is over the limit.
    pub fn blocked(&self, client: IpAddr) -> Option<Duration> {
        let mut failures = self.failures.lock().expect("limiter");
        let now = Instant::now();
        let times = failures.get_mut(&client)?;
        while times
            .front()
            .is_some_and(|&t| now.duration_since(t) >= self.window)
        {
            times.pop_front();
        }
        if times.is_empty() {
            failures.remove(&client);
            return None;
        }
        (times.len() >= self.max).then(|| {
            let oldest = *times.front().expect("not empty");
            self.window.saturating_sub(now.duration_since(oldest)) + Duration::from_secs(1)
        })
    }

    /// Counts a failure in this process.
    fn count_here(&self, client: IpAddr) {
        let mut failures = self.failures.lock().expect("limiter");
        let now = Instant::now();
        if failures.len() >= MAX_CLIENTS && !failures.contains_key(&client) {
            let window = self.window;
            failures.retain(|_, times| {
                times
                    .back()
                    .is_some_and(|&t| now.duration_since(t) < window)
            });
            // Still full of recent failures (a wide attack): forget the stalest tenth at once,
            // so this scan is not repeated for every new client.
            if failures.len() >= MAX_CLIENTS {
                let mut latest: Vec<(Instant, IpAddr)> = failures
                    .iter()
                    .filter_map(|(ip, times)| times.back().map(|&t| (t, *ip)))
                    .collect();
                latest.sort_unstable();
                for (_, ip) in latest.iter().take(MAX_CLIENTS / 10) {
                    failures.remove(ip);
                }
            }
        }
        let times = failures.entry(client).or_default();
        times.push_back(now);
        while times.len() > self.max {
            times.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_engages_after_max_failures_and_lifts_after_the_window() {
        let limiter = Limiter::new(3, Duration::from_millis(200));
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        for _ in 0..2 {
            limiter.count_here(a);
        }
        assert!(limiter.blocked(a).is_none());
        limiter.count_here(a);
        assert!(limiter.blocked(a).is_some());
        assert!(
            limiter.blocked(b).is_none(),
            "other clients are not affected"
        );
        std::thread::sleep(Duration::from_millis(250));
        assert!(limiter.blocked(a).is_none());
    }

    #[test]
    fn an_ipv6_client_is_its_slash_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(per_network(a), per_network(b));
        assert_ne!(per_network(a), per_network(other));
        let mapped: IpAddr = "::ffff:10.0.0.1".parse().unwrap();
        assert_eq!(per_network(mapped), "10.0.0.1".parse::<IpAddr>().unwrap());
    }

    #[tokio::test]
    async fn sessions_are_found_by_cookie_and_end() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::SqliteStore::open(&dir.path().join("s.db")).unwrap();
        let sessions = Sessions::new(std::sync::Arc::new(store));
        let cookie = sessions.start("hash".into()).await.unwrap();
        let session = sessions.get(&cookie).await.expect("live");
        assert_eq!(session.token_hash, "hash");
        assert_eq!(session.csrf.len(), 64);
        assert!(sessions.get("someone-else").await.is_none());
        sessions.end(&cookie).await;
        assert!(sessions.get(&cookie).await.is_none());
    }

    #[test]
    fn cookies_are_read_from_any_cookie_header() {
        let mut headers = HeaderMap::new();
        headers.append(header::COOKIE, "a=1; relaymap_session=abc".parse().unwrap());
        assert_eq!(cookie(&headers, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&headers, "b"), None);
        assert!(set_cookie("x", Some("v"), SESSION_LIFETIME, true).contains("HttpOnly"));
        assert!(same_secret("abc", "abc") && !same_secret("abc", "abd"));
    }
}
