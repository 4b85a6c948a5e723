//! Who may call what, decided in one place. Every route is registered through [`Routes`] with
//! the [`Access`] it needs; one middleware reads the bearer token, looks the route's rule up and
//! answers 401 or 403 before any handler runs, and records every audited call in the audit
//! trail. A route that somehow has no rule is refused (fail closed).

use std::sync::Arc;

use axum::Router;
use axum::extract::{FromRequestParts, MatchedPath, Request, State};
use axum::handler::Handler;
use axum::http::request::Parts;
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;

use super::audit::{Audit, LeftBehind, call_target, completed};
pub(crate) use super::audit::{AuditRecords, AuditSubjects, AuditTarget, audit};
use super::session::{
    CSRF_HEADER, Limiter, SESSION_COOKIE, Session, Sessions, client, cookie, same_secret,
};
use super::{ApiError, AppState};
use crate::domain::{Role, hash_secret, now};
use crate::store::GraphStore;

/// What a route needs of its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, with or without a token (health checks).
    Public,
    /// Any valid token but an interviewer's: counts and aggregates without personal data.
    Aggregates,
    /// Admins, coordinators and interviewers: submitting interviews, the protocol, the roster
    /// by name.
    Interview,
    /// Admins, coordinators and analysts: metrics, summaries and exports (pseudonymised for
    /// analysts).
    Research,
    /// Admins and coordinators: the network with its personal data, writes, relay analyses.
    Network,
    /// Admins: tokens and the audit trail.
    Admin,
}

impl Access {
    /// Whether the route's answers can hold personal data (ids, names, ties, pseudonymised rows
    /// included): then every call, read or refused, is audited.
    pub fn personal(self) -> bool {
        matches!(
            self,
            Access::Research | Access::Network | Access::Admin | Access::Interview
        )
    }

    /// Whether a role may call a route that needs this.
    pub fn allows(self, role: Role) -> bool {
        match self {
            Access::Public => true,
            Access::Aggregates => role != Role::Interviewer,
            Access::Interview => {
                matches!(role, Role::Admin | Role::Coordinator | Role::Interviewer)
            }
            Access::Research => matches!(role, Role::Admin | Role::Coordinator | Role::Analyst),
            Access::Network => matches!(role, Role::Admin | Role::Coordinator),
            Access::Admin => role == Role::Admin,
        }
    }
}

/// One route's rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The method.
    pub method: Method,
    /// The route as registered (`/api/v1/actors/{id}`).
    pub path: &'static str,
    /// Who may call it.
    pub access: Access,
    /// Whether it changes anything (a `POST` may be a read: a relay query).
    pub writes: bool,
    /// Whether calls go to the audit trail: every write, and every call of a route whose
    /// answers can hold personal data, refused ones included.
    pub audited: bool,
}

/// The router under construction, with the rule of every route it holds.
pub struct Routes {
    router: Router<AppState>,
    rules: Vec<Rule>,
}

impl Default for Routes {
    fn default() -> Self {
        Self::new()
    }
}

impl Routes {
    /// No routes yet.
    pub fn new() -> Self {
        Self {
            router: Router::new(),
            rules: Vec::new(),
        }
    }

    /// Registers a route with its rule: whether it `writes` (a `GET` never does), and so
    /// whether a call is audited (every write, and every call of a personal-data route).
    pub fn add(
        mut self,
        method: Method,
        path: &'static str,
        access: Access,
        writes: bool,
        route: MethodRouter<AppState>,
    ) -> Self {
        assert!(
            !self
                .rules
                .iter()
                .any(|r| r.method == method && r.path == path),
            "{method} {path} registered twice"
        );
        let writes = writes && !matches!(method, Method::GET | Method::HEAD);
        self.rules.push(Rule {
            method,
            path,
            access,
            writes,
            audited: writes || access.personal(),
        });
        self.router = self.router.route(path, route);
        self
    }

    /// A `GET` route.
    pub fn get<H, T>(self, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(
            Method::GET,
            path,
            access,
            false,
            axum::routing::get(handler),
        )
    }

    /// A `POST` route that changes nothing (a relay query, sent as a body).
    pub fn post_read<H, T>(self, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(
            Method::POST,
            path,
            access,
            false,
            axum::routing::post(handler),
        )
    }

    /// A `POST` route.
    pub fn post<H, T>(self, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(
            Method::POST,
            path,
            access,
            true,
            axum::routing::post(handler),
        )
    }

    /// A `PUT` route.
    pub fn put<H, T>(self, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::PUT, path, access, true, axum::routing::put(handler))
    }

    /// A `DELETE` route.
    pub fn delete<H, T>(self, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(
            Method::DELETE,
            path,
            access,
            true,
            axum::routing::delete(handler),
        )
    }

    /// The rules of every route registered so far.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Adds every route of `other`.
    pub fn merge(mut self, other: Routes) -> Self {
        for rule in &other.rules {
            assert!(
                !self
                    .rules
                    .iter()
                    .any(|r| r.method == rule.method && r.path == rule.path),
                "{} {} registered twice",
                rule.method,
                rule.path
            );
        }
        self.rules.extend(other.rules);
        self.router = self.router.merge(other.router);
        self
    }

    /// The router, guarded by the access middleware, and the rules it holds.
    pub fn finish(self, state: &AppState) -> (Router<AppState>, Arc<Vec<Rule>>) {
        let rules = Arc::new(self.rules);
        let gate = Gate {
            store: state.store.clone(),
            rules: rules.clone(),
            sessions: state.sessions.clone(),
            limiter: state.limiter.clone(),
            behind_proxy: state.behind_proxy,
        };
        let router = self
            .router
            .route_layer(axum::middleware::from_fn_with_state(gate, authorize));
        (router, rules)
    }
}

pub use crate::domain::Caller;

/// The caller of a guarded route, as the access middleware found it: the token's label, role
/// and id. (A use case gets the same value from the command line.)
impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Caller>()
            .cloned()
            .ok_or(ApiError::Unauthenticated(
                "send a token: Authorization: Bearer <token>",
            ))
    }
}

/// The CSRF token of the caller's web session (for the forms of the pages); `None` for bearer
/// tokens, which need none.
#[derive(Debug, Clone, Default)]
pub struct SessionCsrf(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for SessionCsrf {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<SessionCsrf>()
            .cloned()
            .unwrap_or_default())
    }
}

/// What the middleware needs.
#[derive(Clone)]
struct Gate {
    store: Arc<dyn GraphStore>,
    rules: Arc<Vec<Rule>>,
    sessions: Arc<Sessions>,
    limiter: Arc<Limiter>,
    behind_proxy: bool,
}

/// The bearer token of a request, if it carries one. The scheme is case-insensitive (RFC 9110
/// section 11.1): `bearer`, `Bearer` and `BEARER` all work.
fn bearer(request: &Request) -> Option<&str> {
    let value = request
        .headers()
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, credentials) = value.trim_start().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| credentials.trim())
}

/// The token whose secret has this hash, if it exists and is neither expired nor revoked.
pub(crate) async fn valid_token(
    store: &dyn GraphStore,
    secret_hash: &str,
) -> Result<Option<crate::domain::Token>, ApiError> {
    let token = store.token_by_hash(secret_hash).await?;
    Ok(token.filter(|t| t.is_valid_at(&now())))
}

/// How a request proves who sent it.
enum Credential {
    /// `Authorization: Bearer …`.
    Bearer(String),
    /// A web session's cookie, and the session.
    Session(String, Session),
}

/// The largest form body the CSRF check reads.
const MAX_FORM_BYTES: usize = 64 * 1024;

/// Checks the CSRF token of a write sent with a session cookie: from the `X-CSRF-Token` header,
/// or the `csrf` field of a form body (which is read and handed on unchanged).
async fn csrf_checked(request: Request, expected: &str) -> Result<Request, ApiError> {
    let refused = || ApiError::Forbidden("the form or request lacks a valid CSRF token".into());
    if let Some(sent) = request.headers().get(CSRF_HEADER) {
        return match sent.to_str() {
            Ok(sent) if same_secret(sent, expected) => Ok(request),
            _ => Err(refused()),
        };
    }
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Err(refused());
    }
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, MAX_FORM_BYTES)
        .await
        .map_err(|_| ApiError::PayloadTooLarge(MAX_FORM_BYTES))?;
    let sent = form_urlencoded::parse(&bytes)
        .find(|(key, _)| key == "csrf")
        .map(|(_, value)| value.into_owned());
    match sent {
        Some(sent) if same_secret(&sent, expected) => {
            Ok(Request::from_parts(parts, axum::body::Body::from(bytes)))
        }
        _ => Err(refused()),
    }
}

async fn authorize(State(gate): State<Gate>, mut request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned());
    let method = match request.method() {
        &Method::HEAD => Method::GET,
        other => other.clone(),
    };
    let rule = route.as_deref().and_then(|route| {
        gate.rules
            .iter()
            .find(|r| r.method == method && r.path == route)
    });
    let Some(rule) = rule.cloned() else {
        if route
            .as_deref()
            .is_some_and(|route| gate.rules.iter().any(|r| r.path == route))
        {
            // A method the route does not have: the router answers 405, with no data.
            return next.run(request).await;
        }
        tracing::error!(%method, "refused a route that has no access rule");
        return ApiError::Forbidden("this route has no access rule".into()).into_response();
    };
    if rule.access == Access::Public {
        return next.run(request).await;
    }
    let query = (!rule.writes).then(|| request.uri().query()).flatten();
    let target = call_target(rule.path, request.uri().path(), query);
    let store = gate.store.clone();
    // A refusal, audited when the route's answers hold personal data (or it writes).
    let refuse = |who: String, role: Option<Role>, outcome: &str, error: ApiError| {
        let entry = rule.audited.then(|| Audit {
            who,
            role,
            action: format!("{} {}", rule.method, rule.path),
            target: target.clone(),
            outcome: outcome.to_owned(),
            records: None,
            subjects: Vec::new(),
        });
        let store = store.clone();
        async move {
            if let Some(entry) = entry {
                entry.write(store.as_ref()).await;
            }
            error.into_response()
        }
    };
    let credential = match bearer(&request) {
        Some(secret) => Some(Credential::Bearer(hash_secret(secret))),
        None => match cookie(request.headers(), SESSION_COOKIE) {
            Some(value) => gate
                .sessions
                .get(value)
                .await
                .map(|session| Credential::Session(value.to_owned(), session)),
            None => None,
        },
    };
    let Some(credential) = credential else {
        let error = ApiError::Unauthenticated("send a token: Authorization: Bearer <token>");
        // A page's visitor is sent to sign in (pages::errors), a script gets the JSON 401.
        return refuse("anonymous".into(), None, "unauthenticated", error).await;
    };
    let client = client(request.headers(), request.extensions(), gate.behind_proxy);
    // A live session already proved its token: a colleague's typos behind the same address do
    // not lock it out. Bearer tokens from a client over the limit are not even looked up.
    if let (Credential::Bearer(_), Some(wait)) = (&credential, gate.limiter.blocked(client)) {
        let error = ApiError::TooManyFailures(wait);
        return refuse("anonymous".into(), None, "too_many_failures", error).await;
    }
    let token_hash = match &credential {
        Credential::Bearer(hash) => hash,
        Credential::Session(_, session) => &session.token_hash,
    };
    let token = match valid_token(gate.store.as_ref(), token_hash).await {
        Ok(token) => token,
        Err(error) => return error.into_response(),
    };
    let Some(token) = token else {
        if let Credential::Session(cookie, _) = &credential {
            // The token was revoked or expired since sign-in: so is the session.
            gate.sessions.end(cookie).await;
        } else {
            gate.limiter.failed(client).await;
        }
        let action = format!("{} {}", rule.method, rule.path);
        // An unknown token is always worth a line: someone is guessing.
        audit(
            gate.store.as_ref(),
            "anonymous".into(),
            None,
            action,
            target,
            "unauthenticated",
        )
        .await;
        return ApiError::Unauthenticated("the token is unknown, expired or revoked")
            .into_response();
    };
    let csrf = match credential {
        Credential::Session(_, session) => Some(session.csrf),
        Credential::Bearer(_) => None,
    };
    if let Some(expected) = &csrf
        && rule.method != Method::GET
    {
        request = match csrf_checked(request, expected).await {
            Ok(request) => request,
            Err(error) => {
                let (who, role) = (token.label.clone(), Some(token.role));
                let action = format!("{} {}", rule.method, rule.path);
                audit(gate.store.as_ref(), who, role, action, target, "csrf").await;
                return error.into_response();
            }
        };
    }
    if !rule.access.allows(token.role) {
        let error = ApiError::Forbidden(format!(
            "{} token may not do this",
            token.role.with_article()
        ));
        return refuse(token.label.clone(), Some(token.role), "forbidden", error).await;
    }
    request.extensions_mut().insert(Caller {
        label: token.label.clone(),
        role: token.role,
        token: token.id.clone(),
    });
    request.extensions_mut().insert(SessionCsrf(csrf));
    if !rule.audited {
        return next.run(request).await;
    }
    let entry = Audit {
        who: token.label,
        role: Some(token.role),
        action: format!("{} {}", rule.method, rule.path),
        target,
        outcome: String::new(),
        records: None,
        subjects: Vec::new(),
    };
    if !rule.writes {
        // A read runs here, so that a client who hangs up stops it; its entry is written
        // either way.
        let mut guard = LeftBehind {
            store: gate.store.clone(),
            audit: Some(entry),
        };
        let response = next.run(request).await;
        let entry = guard.audit.take().expect("taken once");
        completed(entry, &response).write(gate.store.as_ref()).await;
        return response;
    }
    // A write and its audit entry run in a task of their own: a client that hangs up
    // mid-request cancels neither, so no write goes unrecorded.
    let store = gate.store.clone();
    let task = tokio::spawn(async move {
        let response = next.run(request).await;
        completed(entry, &response).write(store.as_ref()).await;
        response
    });
    match task.await {
        Ok(response) => response,
        Err(error) => ApiError::Internal(error.into()).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_reach_what_their_work_needs_and_no_more() {
        use Role::*;
        let allowed = |access: Access| -> Vec<Role> {
            Role::ALL
                .into_iter()
                .filter(|r| access.allows(*r))
                .collect()
        };
        assert_eq!(
            allowed(Access::Aggregates),
            [Admin, Coordinator, Analyst, Viewer]
        );
        assert_eq!(allowed(Access::Research), [Admin, Coordinator, Analyst]);
        assert_eq!(allowed(Access::Network), [Admin, Coordinator]);
        assert_eq!(allowed(Access::Admin), [Admin]);
    }
}
