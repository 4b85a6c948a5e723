//! The web pages: sign-in with a token, the session cookie, CSRF on every form and scripted
//! write, sign-out, the limit on failures, slow clients, and the dashboard's suppressed counts.

use relaymap::domain::Role;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde_json::json;

use crate::helpers::{TestApp, error_of, spawn_app, spawn_app_with};

/// A browser without a token: no redirects followed, cookies handled by hand.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The `Set-Cookie` header of `name` in a response.
fn set_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_owned)
}

/// A cookie's value from its `Set-Cookie` header.
fn value(set_cookie: &str) -> String {
    set_cookie
        .split(';')
        .next()
        .and_then(|pair| pair.split_once('='))
        .map(|(_, v)| v.to_owned())
        .unwrap()
}

/// The hidden CSRF field of a page.
fn hidden_csrf(page: &str) -> String {
    let start = page.find(r#"name="csrf" value=""#).expect("a CSRF field") + 19;
    page[start..start + 64].to_owned()
}

/// The sign-in form: its CSRF cookie and field.
async fn signin_form(app: &TestApp) -> (String, String) {
    let response = browser().get(app.url("/signin")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = set_cookie(response.headers(), "relaymap_signin").expect("a CSRF cookie");
    let page = response.text().await.unwrap();
    (value(&cookie), hidden_csrf(&page))
}

/// Posts the sign-in form.
async fn post_signin(app: &TestApp, cookie: &str, csrf: &str, token: &str) -> reqwest::Response {
    browser()
        .post(app.url("/signin"))
        .header("cookie", format!("relaymap_signin={cookie}"))
        .form(&[("csrf", csrf), ("token", token)])
        .send()
        .await
        .unwrap()
}

/// Signs in with a token; the session cookie's `Set-Cookie` header.
async fn sign_in(app: &TestApp, token: &str) -> String {
    let (cookie, csrf) = signin_form(app).await;
    let response = post_signin(app, &cookie, &csrf, token).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/");
    set_cookie(response.headers(), "relaymap_session").expect("a session cookie")
}

/// Signs in from the sign-in form at `signin` (with its way back); where it then sends the
/// browser.
async fn sign_in_from(app: &TestApp, signin: &str, token: &str) -> String {
    let response = browser().get(app.url(signin)).send().await.unwrap();
    let cookie = value(&set_cookie(response.headers(), "relaymap_signin").unwrap());
    let page = response.text().await.unwrap();
    let csrf = hidden_csrf(&page);
    let next = page
        .find(r#"name="next" value=""#)
        .map(|start| {
            let rest = &page[start + 19..];
            rest[..rest.find('"').unwrap()]
                .replace("&#x2f;", "/")
                .replace("&#47;", "/")
        })
        .unwrap_or_default();
    let response = browser()
        .post(app.url("/signin"))
        .header("cookie", format!("relaymap_signin={cookie}"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("token", token),
            ("next", next.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    response.headers()["location"].to_str().unwrap().to_owned()
}

/// The API's answer to the default reach query (every responder, default conditions).
async fn default_reach(app: &TestApp) -> serde_json::Value {
    let response = app.post_json("/api/v1/reach", &json!({})).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// A GET with a session cookie.
async fn get_with(app: &TestApp, session: &str, path: &str) -> reqwest::Response {
    browser()
        .get(app.url(path))
        .header("cookie", format!("relaymap_session={session}"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn pages_send_a_browser_without_a_session_to_sign_in() {
    let app = spawn_app().await;

    let page = browser()
        .get(app.url("/"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    let api = browser().get(app.url("/")).send().await.unwrap();

    assert_eq!(page.status(), StatusCode::SEE_OTHER);
    assert_eq!(page.headers()["location"], "/signin");
    assert_eq!(
        api.status(),
        StatusCode::UNAUTHORIZED,
        "scripts get the JSON 401"
    );
}

#[tokio::test]
async fn signing_in_with_a_token_gives_a_strict_http_only_session() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let viewer = app.token(Role::Viewer).await;

    let set = sign_in(&app, &viewer).await;

    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(set.contains(attribute), "{set}");
    }
    assert!(!set.contains("Secure"), "plain http on loopback: {set}");
    let session = value(&set);
    let dashboard = get_with(&app, &session, "/").await;
    assert_eq!(dashboard.status(), StatusCode::OK);
    let page = dashboard.text().await.unwrap();
    assert!(
        page.contains("test viewer") && page.contains("(viewer)"),
        "{page}"
    );
    assert!(
        !page.contains("Selam") && !page.contains("Port Aster"),
        "no names of people or places: {page}"
    );
    // Sessions reach the API with the token's role, and no further.
    let stats = get_with(&app, &session, "/api/v1/aggregates").await;
    assert_eq!(stats.status(), StatusCode::OK);
    let actors = get_with(&app, &session, "/api/v1/actors").await;
    assert_eq!(actors.status(), StatusCode::FORBIDDEN);
    // The sign-in is in the audit trail.
    let trail: serde_json::Value = app.get("/api/v1/audit").await.json().await.unwrap();
    assert!(
        trail["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "POST /signin"
                && e["who"] == "test viewer"
                && e["outcome"] == "ok"),
        "{trail}"
    );
}

#[tokio::test]
async fn behind_a_tls_proxy_the_session_cookie_is_secure() {
    let app = spawn_app_with(|config| config.behind_proxy = true).await;
    let viewer = app.token(Role::Viewer).await;

    let set = sign_in(&app, &viewer).await;

    assert!(set.contains("; Secure"), "{set}");
}

#[tokio::test]
async fn forms_and_scripted_writes_without_the_csrf_token_are_refused() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let coordinator = app.token(Role::Coordinator).await;
    let session = value(&sign_in(&app, &coordinator).await);
    let page = get_with(&app, &session, "/").await.text().await.unwrap();
    let csrf = hidden_csrf(&page);
    let cookie = format!("relaymap_session={session}");
    let actor = json!({"id": "o-9", "kind": "organisation", "name": "Language school"});

    // A write with the session cookie alone (what a cross-site form would send) is refused...
    let bare = browser()
        .post(app.url("/api/v1/actors"))
        .header("cookie", &cookie)
        .json(&actor)
        .send()
        .await
        .unwrap();
    let wrong = browser()
        .post(app.url("/signout"))
        .header("cookie", &cookie)
        .form(&[("csrf", "0".repeat(64))])
        .send()
        .await
        .unwrap();
    assert_eq!(bare.status(), StatusCode::FORBIDDEN);
    assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        app.get("/api/v1/actors/o-9").await.status(),
        StatusCode::NOT_FOUND
    );
    // ...and the same write with the session's token goes through.
    let scripted = browser()
        .post(app.url("/api/v1/actors"))
        .header("cookie", &cookie)
        .header("x-csrf-token", &csrf)
        .json(&actor)
        .send()
        .await
        .unwrap();
    assert_eq!(scripted.status(), StatusCode::CREATED);
    // The sign-in form checks its own token against its cookie.
    let (form_cookie, _) = signin_form(&app).await;
    let forged = post_signin(&app, &form_cookie, &"1".repeat(64), &coordinator).await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert!(set_cookie(forged.headers(), "relaymap_session").is_none());
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    let app = spawn_app().await;
    let viewer = app.token(Role::Viewer).await;
    let session = value(&sign_in(&app, &viewer).await);
    let csrf = hidden_csrf(&get_with(&app, &session, "/").await.text().await.unwrap());

    let out = browser()
        .post(app.url("/signout"))
        .header("cookie", format!("relaymap_session={session}"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();

    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    assert_eq!(out.headers()["location"], "/signin");
    let cleared = set_cookie(out.headers(), "relaymap_session").unwrap();
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    let after = get_with(&app, &session, "/").await;
    assert_eq!(
        after.status(),
        StatusCode::SEE_OTHER,
        "the old cookie is dead"
    );
}

#[tokio::test]
async fn a_session_made_on_one_server_works_on_another_and_ends_on_both() {
    // Two server processes on one store, behind a proxy that sends each request to either.
    let first = spawn_app().await;
    let second = first.another_server().await;
    let viewer = first.token(Role::Viewer).await;
    let session = value(&sign_in(&first, &viewer).await);

    let page = get_with(&second, &session, "/").await;
    assert_eq!(
        page.status(),
        StatusCode::OK,
        "signed in on the other server"
    );
    let csrf = hidden_csrf(&page.text().await.unwrap());
    // The session's CSRF token, read on one server, is good for a form sent to the other.
    let out = browser()
        .post(first.url("/signout"))
        .header("cookie", format!("relaymap_session={session}"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    for app in [&first, &second] {
        assert_eq!(
            get_with(app, &session, "/").await.status(),
            StatusCode::SEE_OTHER,
            "signed out everywhere"
        );
    }
}

#[tokio::test]
async fn revoking_a_token_ends_its_sessions() {
    let app = spawn_app().await;
    let viewer = app.token(Role::Viewer).await;
    let session = value(&sign_in(&app, &viewer).await);
    let store = relaymap::store::open(app.store_config(), 0).await.unwrap();
    let id = store
        .tokens()
        .await
        .unwrap()
        .into_iter()
        .find(|t| t.role == Role::Viewer)
        .unwrap()
        .id;

    store
        .revoke_token(&id, &relaymap::domain::now())
        .await
        .unwrap();

    let after = get_with(&app, &session, "/api/v1/aggregates").await;
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn failed_sign_ins_and_bad_tokens_engage_the_limit() {
    let app = spawn_app_with(|config| config.failure_limit = 3).await;
    let viewer = app.token(Role::Viewer).await;

    // Two bad bearer tokens and one failed sign-in: the limit of three is reached.
    for _ in 0..2 {
        let response = app.get_as(Some("rm_not-a-token"), "/api/v1/stats").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let (cookie, csrf) = signin_form(&app).await;
    let failed = post_signin(&app, &cookie, &csrf, "rm_guess").await;
    assert_eq!(failed.status(), StatusCode::UNAUTHORIZED);

    // Now even a good token from this client waits, and so does the form.
    let limited = app.get_as(Some(&viewer), "/api/v1/stats").await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(wait > 0 && wait <= 301, "{wait}");
    let (cookie, csrf) = signin_form(&app).await;
    let form = post_signin(&app, &cookie, &csrf, &viewer).await;
    assert_eq!(form.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(set_cookie(form.headers(), "relaymap_session").is_none());
    // Requests without any credential are not what the limit is for: health checks still answer.
    assert_eq!(app.get_as(None, "/healthz").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_client_too_slow_to_send_its_headers_is_disconnected() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app =
        spawn_app_with(|config| config.client_timeout = std::time::Duration::from_secs(1)).await;
    let address = app.address.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();

    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: relaymap\r\n")
        .await
        .unwrap();
    let mut buffer = Vec::new();
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(20),
        stream.read_to_end(&mut buffer),
    )
    .await;

    assert!(
        read.is_ok(),
        "the server still holds the connection after 20 s"
    );
    assert!(
        !String::from_utf8_lossy(&buffer).contains("200 OK"),
        "the request was never completed"
    );
}

#[tokio::test]
async fn the_dashboard_shows_suppressed_counts_and_no_names() {
    let app = spawn_app().await;
    app.seed_small_network().await;

    let response = app
        .client
        .get(app.url("/"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let page = response.text().await.unwrap();
    assert!(page.contains("Migrants by first language"), "{page}");
    // Two migrants: a cell of fewer than five people shows as a dash.
    assert!(
        page.contains("<td>Tigrinya</td><td class=\"num\">–</td>"),
        "{page}"
    );
    assert!(
        page.contains("<td>Responder</td><td class=\"num\">1</td>"),
        "{page}"
    );
    assert!(
        !page.contains("Selam"),
        "the dashboard must not show people's names"
    );
    // The share the responders reach is the API's answer to the default query.
    let reach = default_reach(&app).await;
    let reached = reach["reached_count"].as_u64().unwrap();
    let targets = reach["targets"].as_u64().unwrap();
    let share = format!("{:.1} %", 100.0 * reached as f64 / targets as f64);
    assert!(
        page.contains(&format!(
            "<strong>{share}</strong> of migrants are reachable"
        )),
        "{page}"
    );
    assert!(
        page.contains(&format!("({reached} of {targets}:")),
        "{page}"
    );
    assert!(page.contains("<caption>Last imports") && page.contains("first admin"));
    let imports = &page[page.find(r#"<table id="imports">"#).unwrap()..];
    assert!(
        imports.contains("<td>Done</td>"),
        "outcomes in words: {imports}"
    );
    assert!(
        imports.contains(" UTC</td>") && !imports.contains("Z</td>"),
        "times to the minute: {imports}"
    );
    // A viewer gets neither the two migrants' count nor the share, which with any count would
    // give the other away (#15), nor the trail.
    let viewer = app.token(Role::Viewer).await;
    let page = app.get_as(Some(&viewer), "/").await.text().await.unwrap();
    assert!(!page.contains(&share), "{page}");
    assert!(
        page.contains("<strong>–</strong> of migrants are reachable"),
        "{page}"
    );
    assert!(page.contains("(– of –:"), "{page}");
    assert!(!page.contains("Last imports"));
}

#[tokio::test]
async fn the_stylesheet_is_served() {
    let app = spawn_app().await;

    let response = app.get("/static/css/relaymap.css").await;

    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.text().await.unwrap().contains("font"));
}

#[tokio::test]
async fn an_actor_card_shows_details_ties_capital_and_who_reaches_them() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let analyst = app.token(Role::Analyst).await;

    let card = app.get("/actors/m-1").await;
    let missing = app.get("/actors/m-404").await;
    let refused = app.get_as(Some(&analyst), "/actors/m-1").await;

    assert_eq!(card.status(), StatusCode::OK);
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let page = card.text().await.unwrap();
    assert!(
        page.contains("Selam") && page.contains("WhatsApp") && page.contains("Tigrinya"),
        "languages and channels in words: {page}"
    );
    for tie in ["t-1", "t-2", "t-5"] {
        assert!(page.contains(&format!("id=\"tie-{tie}\"")), "{tie}: {page}");
    }
    // Ties read from Selam's side, with the other end by name.
    assert!(page.contains("<td>is a member of</td>"), "{page}");
    assert!(
        page.contains(">Eritrean Community Association</a>"),
        "{page}"
    );
    assert!(page.contains(">Port Aster</a>"), "the city by name: {page}");
    // Both of Selam's relaying ties are bonding: Dawit shares her first language, and the
    // association works in it; located_in carries no capital.
    assert!(
        page.contains("<strong>2</strong> bonding, <strong>0</strong> bridging"),
        "{page}"
    );
    // The card shows the fire service reaching her along the API's path, by name, with the
    // fewest ties and the path's own length said apart.
    let api: serde_json::Value = app
        .get("/api/v1/actors/m-1/reach")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(api["reached_by"][0]["id"], "r-1");
    let path: Vec<String> = api["reached_by"][0]["path"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap().to_owned())
        .collect();
    let names: Vec<String> = path
        .iter()
        .map(|id| format!(r#"<a href="/actors/{id}">"#))
        .collect();
    let row = &page[page.find(r#"<table id="reach">"#).unwrap()..];
    let row = &row[..row.find("</table>").unwrap()];
    let mut at = 0;
    for link in &names {
        let found = row[at..]
            .find(link.as_str())
            .unwrap_or_else(|| panic!("{link} in order: {row}"));
        at += found + link.len();
    }
    assert!(row.contains(&format!("{} ties:", path.len() - 1)), "{row}");
    assert!(page.contains("Fewest ties") && page.contains("Most reliable path"));
    assert!(!page.contains(">Hops<"), "{page}");
    // Consent is a migrant's: an organisation's card does not talk about it.
    let organisation = crate::helpers::shown(&app.get("/actors/o-1").await.text().await.unwrap());
    assert!(!organisation.contains("Consent"), "{organisation}");
    assert!(page.contains("Given for: Emergency warnings and help, Sharing with partner organisations, Anonymised research."), "{page}");
}

#[tokio::test]
async fn the_research_page_shows_the_summary_the_degree_chart_and_working_downloads() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let analyst = app.token(Role::Analyst).await;
    let viewer = app.token(Role::Viewer).await;

    let html = |token: &str| {
        let request = crate::helpers::client_with(token)
            .get(app.url("/research"))
            .header("accept", "text/html");
        async move { request.send().await.unwrap() }
    };
    let page = html(&app.admin_token).await.text().await.unwrap();
    let research = html(&analyst).await;
    let refused = html(&viewer).await;

    let summary: serde_json::Value = app.get("/api/v1/summary").await.json().await.unwrap();
    assert!(
        page.contains(&format!(
            "<th scope=\"row\">Actors</th><td class=\"num\">{}</td>",
            summary["actors"]
        )),
        "{page}"
    );
    // The chart's bars count every relaying actor once.
    let chart = |id: &str| {
        let start = page.find(&format!("<svg id=\"{id}\"")).expect("the chart");
        let end = start + page[start..].find("</svg>").unwrap();
        page[start..end].to_owned()
    };
    let counted: u64 = chart("degrees")
        .split("font-size=\"12\">")
        .skip(1)
        .filter_map(|s| s.split('<').next())
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, n)| n.parse::<u64>().unwrap())
        .sum();
    assert_eq!(counted, summary["actors"].as_u64().unwrap(), "{page}");
    // The tie-types chart gives each first language's bonding, bridging and linking shares.
    let tie_types = chart("tie-types");
    let languages = summary["capital_by_first_language"].as_object().unwrap();
    assert!(!languages.is_empty());
    for (language, shares) in languages {
        let percent = |k: &str| format!("{:.0} %", 100.0 * shares[k].as_f64().unwrap());
        let row = format!(
            "{} · {} · {} ({})",
            percent("bonding"),
            percent("bridging"),
            percent("linking"),
            shares["ties"]
        );
        let name = relaymap::domain::Language::parse(language)
            .unwrap()
            .english_name()
            .unwrap_or(language);
        assert!(
            tie_types.contains(&format!(">{name}</text>")),
            "languages by name: {tie_types}"
        );
        let row = format!("{} tie ends)", row.trim_end_matches(')'));
        assert!(tie_types.contains(&row), "{row} in {tie_types}");
    }
    // Every download link works.
    let links: Vec<String> = page
        .split("href=\"/api/v1/export?")
        .skip(1)
        .map(|s| {
            format!(
                "/api/v1/export?{}",
                s.split('"').next().unwrap().replace("&amp;", "&")
            )
        })
        .collect();
    assert!(links.len() >= 15, "{links:?}");
    for link in &links {
        assert_eq!(app.get(link).await.status(), StatusCode::OK, "{link}");
    }
    // Analysts see pseudonymised downloads and the chart with small bins withheld.
    assert_eq!(research.status(), StatusCode::OK);
    let research = research.text().await.unwrap();
    assert!(research.contains("pseudonymize=true") && research.contains("–</text>"));
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn intermediaries_are_ranked_by_the_migrants_they_bridge_and_filtered() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let analyst = app.token(Role::Analyst).await;

    let page = app.get("/intermediaries").await.text().await.unwrap();
    let none = app
        .get("/intermediaries?language=ara")
        .await
        .text()
        .await
        .unwrap();
    let by_name = app
        .get("/intermediaries?language=Tigrinya")
        .await
        .text()
        .await
        .unwrap();
    let unknown = app.get("/intermediaries?language=Klingonish").await;
    let refused = app.get_as(Some(&analyst), "/intermediaries").await;

    // What the reach report's paths say each relay bridges.
    let reach = default_reach(&app).await;
    let mut bridged = std::collections::BTreeMap::<String, usize>::new();
    for hit in reach["reached"].as_array().unwrap() {
        let path = hit["path"].as_array().unwrap();
        for relay in &path[1..path.len() - 1] {
            *bridged
                .entry(relay.as_str().unwrap().to_owned())
                .or_default() += 1;
        }
    }
    let (top, count) = bridged
        .iter()
        .max_by_key(|(_, n)| **n)
        .expect("someone bridges");
    let rows: Vec<&str> = page
        .split("<tbody>")
        .nth(1)
        .unwrap()
        .split("</tbody>")
        .next()
        .unwrap()
        .split("</tr>")
        .filter(|r| r.contains("<td"))
        .collect();
    assert!(
        rows[0].contains(&format!("<a href=\"/actors/{top}\">")),
        "{page}"
    );
    assert!(
        rows[0].contains(&format!("data-label=\"Bridges\">{count}</td>")),
        "{page}"
    );
    // Only those who bridge someone are listed: no row with zero bridges.
    assert_eq!(rows.len(), bridged.len(), "{page}");
    assert!(!page.contains("data-label=\"Bridges\">0</td>"), "{page}");
    // Trust and channels are columns; the language filter takes a name.
    assert!(
        page.contains("Mean trust") && page.contains("Reach them by"),
        "{page}"
    );
    assert!(
        by_name.contains(&format!("<a href=\"/actors/{top}\">")),
        "{by_name}"
    );
    assert!(none.contains("No intermediary matches."), "{none}");
    assert_eq!(unknown.status(), StatusCode::OK);
    assert!(
        unknown
            .text()
            .await
            .unwrap()
            .contains("No language is called")
    );
    // Sorted by name on request, with the order said to screen readers.
    let sorted = app
        .get("/intermediaries?sort=name")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        sorted.contains(r#"aria-sort="ascending"><a href="/intermediaries?sort=name""#),
        "{sorted}"
    );
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_configured_base_map_reaches_the_map_pages_and_only_its_origin_is_allowed() {
    let offline = spawn_app().await;
    let page = offline.get("/map").await;
    let policy = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(policy.contains("img-src 'self' data:;"), "{policy}");
    assert!(!page.text().await.unwrap().contains("data-tile-url"));

    let tiles = relaymap::config::Tiles::parse(
        "https://tiles.example.org/{z}/{x}/{y}.png",
        "© Example & co",
    )
    .unwrap();
    let online = spawn_app_with(move |config| config.tiles = Some(tiles)).await;
    for path in ["/map", "/scenario"] {
        let page = online.get(path).await;
        let policy = page.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            policy.contains("img-src 'self' data: https://tiles.example.org;"),
            "{policy}"
        );
        let html = page.text().await.unwrap();
        assert!(
            html.contains(r#"data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png""#),
            "{path}"
        );
        assert!(
            html.contains(r#"data-tile-attribution="© Example &#38; co""#),
            "{html}"
        );
    }
}

/// Posts a form with a session cookie.
async fn post_form(
    app: &TestApp,
    session: &str,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    browser()
        .post(app.url(path))
        .header("cookie", format!("relaymap_session={session}"))
        .form(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_coordinator_edits_an_actor_and_its_ties_on_the_card() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let coordinator = app.token(Role::Coordinator).await;
    let session = value(&sign_in(&app, &coordinator).await);
    let card = get_with(&app, &session, "/actors/o-1")
        .await
        .text()
        .await
        .unwrap();
    let csrf = hidden_csrf(&card);
    assert!(
        card.contains(
            r#"id="edit-name" name="name" type="text" value="Eritrean Community Association""#
        ),
        "{card}"
    );

    // The details form replaces the record; attributes and kind stay. Languages by name.
    let saved = post_form(
        &app,
        &session,
        "/actors/o-1",
        &[
            ("csrf", &csrf),
            ("name", "Eritrean Association"),
            ("languages", "Tigrinya, ara"),
            ("city", "c-1"),
            ("channel", "phone"),
            ("channel", "sms"),
            ("lat", "44.1"),
            ("lon", "8.2"),
        ],
    )
    .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(saved.headers()["location"], "/actors/o-1?saved=actor");
    let o1: serde_json::Value = app.get("/api/v1/actors/o-1").await.json().await.unwrap();
    assert_eq!(o1["name"], "Eritrean Association");
    assert_eq!(o1["languages"], json!(["tir", "ara"]));
    assert_eq!(o1["channels"], json!(["phone", "sms"]));
    assert_eq!(o1["location"], json!({"lat": 44.1, "lon": 8.2}));
    assert_eq!(o1["consent"], false, "consent is a migrant's only");
    let shown = get_with(&app, &session, "/actors/o-1?saved=actor")
        .await
        .text()
        .await
        .unwrap();
    assert!(shown.contains("Saved."));
    assert!(
        shown.contains("44.10000, 8.20000"),
        "five decimals: {shown}"
    );

    // A broken rule is shown next to its field with the values as typed, and nothing is written.
    let refused = post_form(
        &app,
        &session,
        "/actors/o-1",
        &[
            ("csrf", &csrf),
            ("name", "Renamed"),
            ("languages", "Klingonish"),
            ("city", "c-1"),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    let field = &page[page
        .find(r#"<label for="edit-languages">"#)
        .expect("the field")..];
    let field = &field[..field.find("</div>").unwrap()];
    assert!(
        field.contains(r#"class="field-error""#) && field.contains("Klingonish"),
        "{field}"
    );
    assert!(
        field.contains(r#"value="Klingonish""#),
        "kept as typed: {field}"
    );
    assert!(page.contains(r#"value="Renamed""#));
    assert!(
        page.contains(r#"<details id="edit" open>"#),
        "the form stays open"
    );
    let half = post_form(
        &app,
        &session,
        "/actors/o-1",
        &[("csrf", &csrf), ("name", "X"), ("lat", "44.1")],
    )
    .await;
    assert_eq!(half.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let o1: serde_json::Value = app.get("/api/v1/actors/o-1").await.json().await.unwrap();
    assert_eq!(o1["name"], "Eritrean Association");

    // A tie is added from the organisation's card to a migrant picked by name, in whatever
    // direction its kind needs: a migrant is a member of an organisation.
    let added = post_form(
        &app,
        &session,
        "/actors/o-1/ties",
        &[
            ("csrf", &csrf),
            ("other", "dawit"),
            ("kind", "member_of"),
            ("trust", "0.8"),
            ("channel", "phone"),
            ("last_verified", "2026-11-30"),
            ("note", "met at the Sunday school"),
        ],
    )
    .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let ties: serde_json::Value = app
        .get("/api/v1/actors/m-2/ties")
        .await
        .json()
        .await
        .unwrap();
    let new = ties["ties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["target"] == "o-1" && t["kind"] == "member_of")
        .expect("the new tie, from the migrant to the organisation")
        .clone();
    assert_eq!(new["source"], "m-2");
    assert_eq!(new["trust"], 0.8);
    assert_eq!(new["last_verified"], "2026-11-30");
    assert_eq!(new["note"], "met at the Sunday school");
    // A name no one has, a kind that cannot join the two, and a bad trust: each next to its
    // field, with what was typed kept and the tie form open.
    let unknown = post_form(
        &app,
        &session,
        "/actors/o-1/ties",
        &[
            ("csrf", &csrf),
            ("other", "Nobody Here"),
            ("kind", "partners_with"),
            ("trust", "lots"),
        ],
    )
    .await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = unknown.text().await.unwrap();
    assert!(page.contains(r#"<details id="add-tie" open>"#), "{page}");
    assert!(page.contains(r#"value="Nobody Here""#), "{page}");
    assert!(page.contains("No actor is called"), "{page}");
    assert!(page.contains("Trust is a number from 0 to 1"), "{page}");
    assert!(!page.contains("body line"), "no API wording: {page}");
    let mismatch = post_form(
        &app,
        &session,
        "/actors/o-1/ties",
        &[("csrf", &csrf), ("other", "Port Aster"), ("kind", "serves")],
    )
    .await;
    let page = mismatch.text().await.unwrap();
    assert!(page.contains("Port Aster is a city"), "{page}");

    // Removing asks first; only the card's own ties.
    let tie = new["id"].as_str().unwrap();
    let ask = get_with(&app, &session, &format!("/actors/o-1/ties/{tie}/remove")).await;
    assert_eq!(ask.status(), StatusCode::OK);
    let ask = ask.text().await.unwrap();
    assert!(
        ask.contains("Dawit is a member of Eritrean Association"),
        "{ask}"
    );
    assert_eq!(
        app.get(&format!("/api/v1/ties/{tie}")).await.status(),
        StatusCode::OK,
        "asking removes nothing"
    );
    let elsewhere = post_form(
        &app,
        &session,
        &format!("/actors/m-1/ties/{tie}/remove"),
        &[("csrf", &csrf)],
    )
    .await;
    assert_eq!(
        elsewhere.status(),
        StatusCode::NOT_FOUND,
        "only the card's own ties"
    );
    let removed = post_form(
        &app,
        &session,
        &format!("/actors/o-1/ties/{tie}/remove"),
        &[("csrf", &csrf)],
    )
    .await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.get(&format!("/api/v1/ties/{tie}")).await.status(),
        StatusCode::NOT_FOUND
    );

    // Without the form's CSRF token nothing changes.
    let forged = post_form(&app, &session, "/actors/o-1", &[("name", "Forged")]).await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    // The edits are in the audit trail.
    let trail: serde_json::Value = app
        .get("/api/v1/audit?limit=20")
        .await
        .json()
        .await
        .unwrap();
    assert!(
        trail["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "POST /actors/{id}" && e["outcome"] == "ok")
    );
}

#[tokio::test]
async fn actors_are_found_by_part_of_the_name_created_and_erased_from_the_pages() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let coordinator = app.token(Role::Coordinator).await;
    let session = value(&sign_in(&app, &coordinator).await);

    // Part of a name, any letter case; the language by its name; the city by choice.
    let found = get_with(&app, &session, "/actors?q=ELA")
        .await
        .text()
        .await
        .unwrap();
    assert!(found.contains(">Selam</a>"), "{found}");
    assert!(!found.contains(">Dawit</a>"), "{found}");
    let speakers = get_with(&app, &session, "/actors?language=English&kind=migrant")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        speakers.contains(">Dawit</a>") && !speakers.contains(">Selam</a>"),
        "{speakers}"
    );
    let unknown = get_with(&app, &session, "/actors?language=Klingonish")
        .await
        .text()
        .await
        .unwrap();
    assert!(unknown.contains("No language is called"), "{unknown}");

    // A new actor, with the errors of a refused one next to their fields.
    let form = get_with(&app, &session, "/actors/new")
        .await
        .text()
        .await
        .unwrap();
    let csrf = hidden_csrf(&form);
    let refused = post_form(
        &app,
        &session,
        "/actors",
        &[
            ("csrf", &csrf),
            ("kind", "migrant"),
            ("name", ""),
            ("languages", "Amharic"),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains(r##"<a href="#new-name">"##),
        "the summary links to the field: {page}"
    );
    assert!(page.contains(r#"value="Amharic""#), "{page}");
    let created = post_form(
        &app,
        &session,
        "/actors",
        &[
            ("csrf", &csrf),
            ("kind", "migrant"),
            ("name", "Élodie Mbarga"),
            ("languages", "French"),
            ("city", "c-1"),
            ("channel", "sms"),
            ("consent_purpose", "warnings"),
            ("consent_purpose", "research"),
            ("consent_expires", "2099-01-31"),
        ],
    )
    .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let card = created.headers()["location"].to_str().unwrap().to_owned();
    assert!(card.ends_with("?saved=created"), "{card}");
    let id = card
        .trim_start_matches("/actors/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let stored: serde_json::Value = app
        .get(&format!("/api/v1/actors/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(stored["languages"], json!(["fra"]));
    assert_eq!(stored["consent"], true);
    // Ticked purposes make a record dated today, with the expiry given.
    assert_eq!(
        stored["consent_record"]["purposes"],
        json!(["warnings", "research"])
    );
    assert_eq!(stored["consent_record"]["expires"], "2099-01-31");
    assert_eq!(
        stored["consent_record"]["recorded_on"],
        chrono::Utc::now().date_naive().to_string()
    );
    let found = get_with(&app, &session, "/actors?q=%C3%A9lodie")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        found.contains("Élodie Mbarga"),
        "case folded beyond ASCII: {found}"
    );

    // Erasing warns first, then leaves nothing.
    let warning = get_with(&app, &session, &format!("/actors/{id}/delete"))
        .await
        .text()
        .await
        .unwrap();
    assert!(warning.contains("cannot be undone"), "{warning}");
    let erased = post_form(
        &app,
        &session,
        &format!("/actors/{id}/delete"),
        &[("csrf", &csrf), ("how", "erase")],
    )
    .await;
    assert_eq!(erased.status(), StatusCode::SEE_OTHER);
    assert_eq!(erased.headers()["location"], "/actors?done=erased");
    assert_eq!(
        app.get(&format!("/api/v1/actors/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let trail = app
        .get("/api/v1/audit?limit=50")
        .await
        .text()
        .await
        .unwrap();
    assert!(!trail.contains(&id) && !trail.contains("Mbarga"), "{trail}");
}

#[tokio::test]
async fn a_refused_or_missing_page_is_a_page_and_a_deep_link_survives_sign_in() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let analyst = app.token(Role::Analyst).await;
    let session = value(&sign_in(&app, &analyst).await);

    let forbidden = get_with(&app, &session, "/actors/m-1").await;
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);
    assert!(
        forbidden.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let page = crate::helpers::shown(&forbidden.text().await.unwrap());
    assert!(
        page.contains("<h1>You cannot open this page</h1>"),
        "{page}"
    );
    assert!(
        !page.contains("a analyst") && !page.contains("{\""),
        "{page}"
    );
    let missing = get_with(&app, &session, "/no/such/page").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(
        missing
            .text()
            .await
            .unwrap()
            .contains("<h1>Page not found</h1>")
    );
    // Scripts keep their JSON.
    let api = app.get_as(Some(&analyst), "/api/v1/actors").await;
    assert_eq!(api.status(), StatusCode::FORBIDDEN);
    assert!(
        error_of(api).await["message"]
            .as_str()
            .unwrap()
            .contains("an analyst token")
    );

    // Signed out, a deep link goes through the sign-in form and back to where it pointed.
    let deep = browser()
        .get(app.url("/actors/m-1?saved=tie"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(deep.status(), StatusCode::SEE_OTHER);
    let signin = deep.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(signin, "/signin?next=%2Factors%2Fm-1%3Fsaved%3Dtie");
    let coordinator = app.token(Role::Coordinator).await;
    let back = sign_in_from(&app, &signin, &coordinator).await;
    assert_eq!(back, "/actors/m-1?saved=tie");
    // Never to another site.
    let elsewhere = sign_in_from(&app, "/signin?next=%2F%2Fevil.example%2F", &coordinator).await;
    assert_eq!(elsewhere, "/");
}
