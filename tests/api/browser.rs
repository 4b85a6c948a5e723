//! The web pages in a real headless Chromium (Debian's `chromium` and `chromium-driver`), driven
//! over WebDriver: sign in with the printed token, see the demo city's actors on the map, draw the
//! affected area and run the crisis scenario, and read the same numbers the API gives for that
//! query. Screenshots of every page go to `target/browser-screenshots/`. `tests/run` installs
//! Chromium and runs these; a plain `cargo test` skips them (they need the browser).

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app_with};

/// A chromedriver process and a session in a fresh headless Chromium profile.
struct Chrome {
    driver: Child,
    client: Client,
    _profile: tempfile::TempDir,
    /// Where downloads land.
    downloads: tempfile::TempDir,
}

impl Drop for Chrome {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn chrome() -> Chrome {
    let port = free_port();
    let driver = Command::new(
        std::env::var("RELAYMAP_TEST_CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()),
    )
    .arg(format!("--port={port}"))
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .expect("chromedriver runs (tests/run installs Debian's chromium-driver)");
    let profile = tempfile::tempdir().unwrap();
    let downloads = tempfile::tempdir().unwrap();
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({
        "prefs": {
            "download.default_directory": downloads.path().display().to_string(),
            "download.prompt_for_download": false,
        },
        "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--window-size=1280,900",
            format!("--user-data-dir={}", profile.path().display()),
        ]}),
    );
    // Keep the page's console, to check it for errors.
    capabilities.insert("goog:loggingPrefs".into(), json!({"browser": "ALL"}));
    let url = format!("http://127.0.0.1:{port}");
    let mut tries = 0;
    let client = loop {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(capabilities.clone())
            .connect(&url)
            .await
        {
            Ok(client) => break client,
            Err(error) if tries < 100 => {
                tries += 1;
                tokio::time::sleep(Duration::from_millis(200)).await;
                if tries == 100 {
                    panic!("chromedriver did not start a session: {error}");
                }
            }
            Err(error) => panic!("chromedriver did not start a session: {error}"),
        }
    };
    Chrome {
        driver,
        client,
        _profile: profile,
        downloads,
    }
}

/// Chromedriver's log of the page's console since the last read (`POST /session/{id}/se/log`).
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (axum::http::Method, Option<String>) {
        (
            axum::http::Method::POST,
            Some(r#"{"type": "browser"}"#.into()),
        )
    }
}

impl Chrome {
    /// Fails on any error in the page's console (scripts that threw, failed loads, CSP refusals).
    async fn assert_no_console_errors(&self, page: &str) {
        let log = self.client.issue_cmd(BrowserLog).await.unwrap();
        let errors: Vec<&Value> = log
            .as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .collect();
        assert!(errors.is_empty(), "console errors on {page}: {errors:?}");
    }

    /// Fails on any WCAG 2 A or AA violation that axe-core (pinned in package.json) finds:
    /// labels, names, contrast, landmarks, ARIA. The map's and graph's drawn layers are left out
    /// (their containers are labelled regions).
    async fn assert_accessible(&self, page: &str) {
        let axe = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&axe).expect("axe-core, fetched by npm ci");
        self.client.execute(&source, vec![]).await.unwrap();
        let audit = "const done = arguments[arguments.length - 1]; \
            axe.run({ exclude: [['#map .leaflet-pane'], ['#graph canvas']] }, \
                    { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }) \
               .then(function (r) { done(r.violations.map(function (v) { \
                   return v.id + ': ' + v.help + ' at ' + v.nodes.map(function (n) { \
                       return n.target.join(' '); }).slice(0, 5).join(', '); })); }) \
               .catch(function (e) { done(['axe failed: ' + e]); });";
        let violations = self.client.execute_async(audit, vec![]).await.unwrap();
        assert_eq!(violations, serde_json::json!([]), "accessibility of {page}");
    }

    /// Saves a screenshot of the page as a test artifact, after checking its console and its
    /// accessibility.
    async fn screenshot(&self, name: &str) {
        self.assert_no_console_errors(name).await;
        self.assert_accessible(name).await;
        let folder =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser-screenshots");
        std::fs::create_dir_all(&folder).unwrap();
        let png = self.client.screenshot().await.unwrap();
        std::fs::write(folder.join(format!("{name}.png")), png).unwrap();
    }

    /// Waits for an element, at most 30 s.
    async fn wait_for(&self, css: &str) -> Element {
        let found = self
            .client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(Locator::Css(css))
            .await;
        match found {
            Ok(element) => element,
            Err(error) => {
                // The console usually says why (a script that threw, a refused request).
                let log = self.client.issue_cmd(BrowserLog).await;
                let statuses = self
                    .client
                    .execute(
                        "return Array.from(document.querySelectorAll('[role=status]'), \
                         function (e) { return e.textContent; });",
                        vec![],
                    )
                    .await;
                panic!("{css} never appeared: {error}; console: {log:?}; status: {statuses:?}")
            }
        }
    }

    async fn text(&self, css: &str) -> String {
        self.wait_for(css).await.text().await.unwrap()
    }

    /// The actors on the map: markers drawn alone plus those counted in cluster icons.
    async fn on_map(&self) -> usize {
        let script = "let n = document.querySelectorAll('#map path.actor').length; \
            document.querySelectorAll('#map .marker-cluster span') \
                .forEach(function (s) { n += Number(s.textContent); }); \
            return n;";
        let count = self.client.execute(script, vec![]).await.unwrap();
        count.as_u64().unwrap() as usize
    }

    /// Moves the mouse onto an element.
    async fn hover(&self, element: &Element) {
        let actions = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: element.clone(),
                duration: Some(Duration::from_millis(50)),
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Pause {
                duration: Duration::from_millis(150),
            });
        self.client.perform_actions(actions).await.unwrap();
    }

    /// Clicks the map at offsets (in pixels) from its centre.
    async fn click_map(&self, map: &Element, x: f64, y: f64) {
        let actions = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: map.clone(),
                duration: Some(Duration::from_millis(50)),
                x,
                y,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Pause {
                duration: Duration::from_millis(150),
            });
        self.client.perform_actions(actions).await.unwrap();
    }
}

/// Signs in through the form with a token.
async fn sign_in(chrome: &Chrome, app: &TestApp, token: &str) {
    chrome.client.goto(&app.url("/signin")).await.unwrap();
    chrome.screenshot("signin").await;
    chrome
        .wait_for("#token")
        .await
        .send_keys(token)
        .await
        .unwrap();
    chrome
        .wait_for("form.signin button")
        .await
        .click()
        .await
        .unwrap();
    let nav = chrome.text("header.site .who").await;
    assert!(nav.contains("first admin"), "{nav}");
}

/// Located actors that pass `keep`, as the API lists them.
async fn located_actors(app: &TestApp, keep: impl Fn(&Value) -> bool) -> usize {
    let mut located = 0;
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/actors?limit=1000&cursor={c}"),
            None => "/api/v1/actors?limit=1000".into(),
        };
        let page: Value = app.get(&path).await.json().await.unwrap();
        located += page["actors"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| !a["location"].is_null() && keep(a))
            .count();
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => return located,
        }
    }
}

#[tokio::test]
#[ignore = "needs Chromium and chromedriver: tests/run installs them"]
async fn a_coordinator_signs_in_maps_the_city_and_runs_a_scenario_as_the_api_does() {
    let app = spawn_app_with(|config| config.demo = true).await;
    let chrome = chrome().await;

    sign_in(&chrome, &app, &app.admin_token).await;
    chrome.screenshot("dashboard").await;

    // The map shows every located actor of the demo city, alone or counted in a cluster, over
    // the districts' outlines.
    chrome.client.goto(&app.url("/map")).await.unwrap();
    let map = chrome.wait_for("#map[data-markers]").await;
    chrome.screenshot("map").await;
    let located = located_actors(&app, |_| true).await;
    assert!(
        located > 1000,
        "the demo city has thousands of located actors: {located}"
    );
    assert_eq!(
        map.attr("data-markers").await.unwrap(),
        Some(located.to_string())
    );
    assert_eq!(chrome.on_map().await, located);
    let clusters = chrome
        .client
        .find_all(Locator::Css("#map .marker-cluster"))
        .await
        .unwrap()
        .len();
    assert!(clusters > 0, "thousands of markers are clustered");
    assert_eq!(
        map.attr("data-outlines").await.unwrap().as_deref(),
        Some("5")
    );
    // Narrowed to one language, the map shows the actors the API lists with it.
    let speaks_tir = |a: &Value| {
        a["languages"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l == "tir")
    };
    let tigrinya = located_actors(&app, speaks_tir).await;
    assert!(tigrinya > 0 && tigrinya < located);
    chrome
        .wait_for("#filter-language")
        .await
        .send_keys("tir")
        .await
        .unwrap();
    chrome
        .wait_for(&format!("#map[data-shown='{tigrinya}']"))
        .await;
    assert_eq!(chrome.on_map().await, tigrinya);
    chrome.screenshot("map-tigrinya").await;

    // Draw a polygon around the middle of the city and run the scenario.
    chrome.client.goto(&app.url("/scenario")).await.unwrap();
    let map = chrome.wait_for("#map[data-markers]").await;
    chrome.wait_for("#draw-start").await.click().await.unwrap();
    let corners = [
        (-160.0, -110.0),
        (160.0, -110.0),
        (160.0, 110.0),
        (-160.0, 110.0),
    ];
    for (x, y) in corners {
        chrome.click_map(&map, x, y).await;
    }
    chrome.wait_for("#draw-finish").await.click().await.unwrap();
    let area: Value = serde_json::from_str(
        &chrome
            .wait_for("#map[data-area]")
            .await
            .attr("data-area")
            .await
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(area["type"], "Polygon");
    chrome.wait_for("#run").await.click().await.unwrap();
    chrome.wait_for("#results:not([hidden])").await;
    chrome.screenshot("scenario").await;
    let reached: usize = chrome.text("#result-reached").await.parse().unwrap();
    let targets: usize = chrome.text("#result-targets").await.parse().unwrap();

    // The API gives the same numbers for the same query.
    let query = json!({"area": area, "max_hops": 3, "min_trust": 0.0, "language_check": true});
    let api: Value = app
        .post_json("/api/v1/coverage", &query)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(targets as u64, api["targets"].as_u64().unwrap());
    assert_eq!(reached as u64, api["reached_count"].as_u64().unwrap());
    assert!(targets > 0, "the drawn area holds migrants");
    // Coloured outcomes on the map, and a reached migrant's relay path drawn on hover.
    let marked = |outcome: &'static str| {
        let client = chrome.client.clone();
        async move {
            client
                .find_all(Locator::Css(&format!("#map path.{outcome}")))
                .await
                .unwrap()
        }
    };
    let reached_markers = marked("reached").await;
    assert!(!reached_markers.is_empty());
    assert!(reached_markers.len() <= reached);
    assert!(marked("unreached").await.len() <= targets - reached);
    // Markers overlap: the first reached one not covered by another draws its path.
    let mut drawn_path = false;
    for marker in reached_markers.iter().rev().take(20) {
        chrome.hover(marker).await;
        if !marked("relay-path").await.is_empty() {
            drawn_path = true;
            break;
        }
    }
    assert!(
        drawn_path,
        "hovering a reached migrant draws its relay path"
    );
    let call_rows = chrome
        .client
        .find_all(Locator::Css("#call-list tbody tr"))
        .await
        .unwrap()
        .len();
    assert_eq!(call_rows, api["call_list"].as_array().unwrap().len());
    // The result downloads as CSV: a row per target, the reached ones marked.
    chrome
        .wait_for("#download-csv")
        .await
        .click()
        .await
        .unwrap();
    let file = chrome.downloads.path().join("relaymap-scenario.csv");
    let mut waited = 0;
    while !file.exists() && waited < 100 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        waited += 1;
    }
    let csv = std::fs::read_to_string(&file).expect("the CSV was downloaded");
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), targets);
    assert_eq!(rows.iter().filter(|r| r.contains(",yes,")).count(), reached);
    // Saved by name, the scenario comes back after a reload and runs again to the same numbers.
    chrome
        .wait_for("#scenario-name")
        .await
        .send_keys("Drawn area")
        .await
        .unwrap();
    chrome.wait_for("#save").await.click().await.unwrap();
    chrome
        .client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::XPath(
            "//p[@id='save-status'][starts-with(., 'Saved')]",
        ))
        .await
        .unwrap();
    chrome.client.goto(&app.url("/scenario")).await.unwrap();
    chrome.wait_for("#map[data-markers]").await;
    chrome
        .wait_for("#saved option[value='Drawn area']")
        .await
        .click()
        .await
        .unwrap();
    chrome.wait_for("#load").await.click().await.unwrap();
    chrome.wait_for("#results:not([hidden])").await;
    assert_eq!(chrome.text("#result-reached").await, reached.to_string());
    assert_eq!(chrome.text("#result-targets").await, targets.to_string());
    chrome.screenshot("scenario-rerun").await;
    // The other pages load without a console error.
    for (page, path) in [
        ("research", "/research"),
        ("actor", "/actors/r-01"),
        ("import", "/import"),
        ("intermediaries", "/intermediaries"),
    ] {
        chrome.client.goto(&app.url(path)).await.unwrap();
        chrome.wait_for("nav.site").await;
        chrome.screenshot(page).await;
    }
    // The network view draws what the API lays out, and a click on a dot names the actor.
    for path in ["/network", "/network?city=c-01&colour=kind"] {
        chrome.client.goto(&app.url(path)).await.unwrap();
        let graph = chrome.wait_for("#graph[data-nodes]").await;
        let api: Value = app
            .get(
                &path
                    .replace("/network", "/api/v1/view")
                    .replace("&colour=kind", ""),
            )
            .await
            .json()
            .await
            .unwrap();
        let count = |key: &str| api[key].as_array().unwrap().len().to_string();
        assert_eq!(
            graph.attr("data-nodes").await.unwrap(),
            Some(count("nodes"))
        );
        assert_eq!(graph.attr("data-ties").await.unwrap(), Some(count("ties")));
        chrome
            .screenshot(if path == "/network" {
                "network"
            } else {
                "network-city"
            })
            .await;
    }
    let spot = chrome
        .client
        .execute(
            // WebDriver aims at the centre of the element's part in view: offsets from there.
            "const cy = window.relaymapView; const node = cy.nodes().last(); \
             const p = node.renderedPosition(); \
             const box = document.getElementById('graph').getBoundingClientRect(); \
             const middle = function (low, high, end) { \
                 return (Math.max(low, 0) + Math.min(high, end)) / 2; }; \
             return [node.id(), \
                 box.left + p.x - middle(box.left, box.right, window.innerWidth), \
                 box.top + p.y - middle(box.top, box.bottom, window.innerHeight)];",
            vec![],
        )
        .await
        .unwrap();
    let graph = chrome.wait_for("#graph").await;
    chrome
        .click_map(&graph, spot[1].as_f64().unwrap(), spot[2].as_f64().unwrap())
        .await;
    let picked = chrome.text("#picked-card:not([hidden]) #picked-name").await;
    assert!(
        picked.contains(spot[0].as_str().unwrap()),
        "{picked} {spot}"
    );

    // On a phone every page fits the screen's width: nothing to scroll sideways.
    chrome.client.set_window_size(390, 844).await.unwrap();
    for (page, path, ready) in [
        ("phone-dashboard", "/", "nav.site"),
        ("phone-map", "/map", "#map[data-markers]"),
        ("phone-scenario", "/scenario", "#map[data-markers]"),
        ("phone-actor", "/actors/r-01", "nav.site"),
        ("phone-research", "/research", "nav.site"),
        ("phone-intermediaries", "/intermediaries", "nav.site"),
        ("phone-import", "/import", "nav.site"),
        ("phone-network", "/network", "#graph[data-nodes]"),
    ] {
        chrome.client.goto(&app.url(path)).await.unwrap();
        chrome.wait_for(ready).await;
        chrome.screenshot(page).await;
        let overflow = chrome
            .client
            .execute(
                "return document.documentElement.scrollWidth - window.innerWidth;",
                vec![],
            )
            .await
            .unwrap();
        assert!(
            overflow.as_i64().unwrap() <= 0,
            "{path} is {overflow} px too wide for a phone"
        );
    }
    chrome.client.clone().close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs Chromium and chromedriver: tests/run installs them"]
async fn an_import_with_a_bad_row_names_it_and_the_templates_import() {
    let app = crate::helpers::spawn_app().await;
    let chrome = chrome().await;
    sign_in(&chrome, &app, &app.admin_token).await;
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("actors.csv");
    std::fs::write(
        &bad,
        "id,kind,name\no-1,organisation,Casa Latina\nm-1,astronaut,Lucia\n",
    )
    .unwrap();

    chrome.client.goto(&app.url("/import")).await.unwrap();
    let input = chrome.wait_for("#actors-file").await;
    input.send_keys(bad.to_str().unwrap()).await.unwrap();
    chrome.wait_for("#import-run").await.click().await.unwrap();
    chrome.wait_for("#import-errors:not([hidden])").await;
    // The refused import is the one entry in the console: the 422 itself.
    let log = chrome.client.issue_cmd(BrowserLog).await.unwrap();
    let entries = log.as_array().unwrap();
    assert!(
        entries.len() == 1 && entries[0]["message"].as_str().unwrap().contains("422"),
        "{entries:?}"
    );
    chrome.screenshot("import-refused").await;

    let rows = chrome
        .client
        .find_all(Locator::Css("#import-errors tbody tr"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    let row = rows[0].text().await.unwrap();
    assert!(
        row.contains("actors") && row.contains('3') && row.contains("kind"),
        "{row}"
    );
    assert_eq!(
        app.stats().await["actors"]["total"],
        0,
        "nothing was written"
    );

    // The downloadable templates import as they are.
    let templates = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static/templates");
    chrome.client.goto(&app.url("/import")).await.unwrap();
    for (input, file) in [("#actors-file", "actors.csv"), ("#ties-file", "ties.csv")] {
        let path = templates.join(file);
        chrome
            .wait_for(input)
            .await
            .send_keys(path.to_str().unwrap())
            .await
            .unwrap();
    }
    // First the check: what the import would write, and nothing written yet.
    chrome.wait_for("#import-run").await.click().await.unwrap();
    let ready = chrome
        .client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::XPath(
            "//p[@id='import-status'][starts-with(., 'Ready')]",
        ))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        ready.contains("3 new and 0 updated actors, 2 new and 0 updated ties"),
        "{ready}"
    );
    assert_eq!(app.stats().await["actors"]["total"], 0);
    chrome.screenshot("import-checked").await;
    chrome
        .wait_for("#import-confirm:not([hidden])")
        .await
        .click()
        .await
        .unwrap();
    chrome
        .client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::XPath(
            "//p[@id='import-status'][starts-with(., 'Imported')]",
        ))
        .await
        .unwrap();
    let stats = app.stats().await;
    assert_eq!(stats["actors"]["total"], 3);
    assert_eq!(stats["ties"]["total"], 2);
}

/// Markup typed into a field: if any page puts it in as HTML, elements of class `xss-probe`
/// appear (and the image would fetch from wherever an attacker likes).
const MARKUP: &str =
    "\"'><b class=\"xss-probe\">B</b><img class=\"xss-probe\" src=\"/api/v1/export?format=json\">";

/// A network with markup in every free-text field of every kind of record: names of each kind
/// of actor, attribute names and values, tie notes; a city with an outline.
fn marked_up_network() -> Value {
    let name = |n: &str| format!("{n}{MARKUP}");
    json!({
        "actors": [
            {"id": "c-1", "kind": "city", "name": name("City"), "location": {"lat": 44.10, "lon": 8.20}},
            {"id": "r-1", "kind": "responder", "name": name("Responder"), "languages": ["tir"],
             "city": "c-1", "location": {"lat": 44.101, "lon": 8.201}, "channels": ["phone"]},
            {"id": "o-1", "kind": "organisation", "name": name("Organisation"), "languages": ["tir"],
             "city": "c-1", "location": {"lat": 44.103, "lon": 8.204},
             "attributes": {MARKUP: MARKUP}},
            {"id": "m-1", "kind": "migrant", "name": name("Migrant"), "languages": ["tir"],
             "city": "c-1", "location": {"lat": 44.106, "lon": 8.207}, "consent": true,
             "attributes": {"note": MARKUP}},
            {"id": "m-2", "kind": "migrant", "name": name("Second"), "languages": ["tir"],
             "city": "c-1", "location": {"lat": 44.098, "lon": 8.196}, "consent": false},
        ],
        "ties": [
            {"id": "t-1", "source": "m-1", "target": "o-1", "kind": "member_of", "trust": 0.9, "note": MARKUP},
            {"id": "t-2", "source": "o-1", "target": "r-1", "kind": "partners_with", "trust": 0.9, "note": MARKUP},
            {"id": "t-3", "source": "m-2", "target": "m-1", "kind": "knows", "trust": 0.9, "note": MARKUP},
            {"id": "t-4", "source": "m-1", "target": "c-1", "kind": "located_in", "trust": 1},
        ]
    })
}

/// How many elements of the markup the page holds now.
async fn probes(chrome: &Chrome) -> u64 {
    chrome
        .client
        .execute(
            "return document.querySelectorAll('.xss-probe, img[src*=\"export\"]').length;",
            vec![],
        )
        .await
        .unwrap()
        .as_u64()
        .unwrap()
}

/// Opens every tooltip a map offers (pointer over each outline and marker), then every popup (a
/// click on each): the most markup elements any of them showed.
async fn open_everything_on_the_map(chrome: &Chrome) -> u64 {
    let mut most = 0;
    for kinds in ["['mouseover', 'mousemove']", "['click']"] {
        let script = format!(
            "document.querySelectorAll('#map path').forEach(function (p) {{ \
                 {kinds}.forEach(function (kind) {{ \
                     p.dispatchEvent(new MouseEvent(kind, {{ bubbles: true, clientX: 10, clientY: 10 }})); \
                 }}); \
             }});"
        );
        chrome.client.execute(&script, vec![]).await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        let opened = chrome
            .client
            .execute(
                "return document.querySelectorAll('.leaflet-tooltip, .leaflet-popup').length;",
                vec![],
            )
            .await
            .unwrap();
        assert!(opened.as_u64().unwrap() > 0, "nothing opened on {kinds}");
        most = most.max(probes(chrome).await);
    }
    most
}

#[tokio::test]
#[ignore = "needs Chromium and chromedriver: tests/run installs them"]
async fn markup_in_any_field_stays_text_in_every_page_for_every_role() {
    // Regression test for #15 (4): a city's name went into the map's tooltip as HTML, and an
    // <img> in it made an admin's browser fetch a whole export.
    // Arrange
    let app = crate::helpers::spawn_app().await;
    assert_eq!(app.import_json(&marked_up_network()).await.status(), 200);
    let outline = json!({"type": "Polygon", "coordinates": [[[8.19, 44.09], [8.22, 44.09],
        [8.22, 44.11], [8.19, 44.11], [8.19, 44.09]]]});
    assert_eq!(
        app.put_json("/api/v1/actors/c-1/outline", &outline)
            .await
            .status(),
        204
    );
    let scenario = format!(
        "/api/v1/scenarios/{}",
        url::form_urlencoded::byte_serialize(format!("Flood{MARKUP}").as_bytes())
            .collect::<String>()
    );
    assert_eq!(
        app.put_json(&scenario, &json!({"max_hops": 3}))
            .await
            .status(),
        200
    );
    let store = relaymap::store::open(app.store_config(), 0).await.unwrap();
    let mut tokens = Vec::new();
    for role in relaymap::domain::Role::ALL {
        let (token, secret) =
            relaymap::app::new_token(role, format!("{role}{MARKUP}"), None).unwrap();
        store.create_token(&token, &secret.hash()).await.unwrap();
        tokens.push((role, secret.expose().to_owned()));
    }
    let chrome = chrome().await;
    let pages: [(&str, &str); 12] = [
        ("/", "nav.site"),
        ("/research", "body"),
        ("/map", "#map[data-markers]"),
        ("/scenario", "#map[data-markers]"),
        ("/intermediaries", "body"),
        ("/network", "#graph[data-nodes]"),
        ("/import", "body"),
        ("/actors/c-1", "body"),
        ("/actors/r-1", "body"),
        ("/actors/o-1", "body"),
        ("/actors/m-1", "body"),
        ("/actors/m-2", "body"),
    ];

    for (role, token) in &tokens {
        // Act: sign in as the role and open every page, every tooltip and popup.
        chrome.client.delete_all_cookies().await.unwrap();
        chrome.client.goto(&app.url("/signin")).await.unwrap();
        chrome
            .wait_for("#token")
            .await
            .send_keys(token)
            .await
            .unwrap();
        chrome
            .wait_for("form.signin button")
            .await
            .click()
            .await
            .unwrap();
        let nav = chrome.text("header.site .who").await;
        assert!(nav.contains("<b class"), "the label shows as typed: {nav}");
        for (path, ready) in pages {
            chrome.client.goto(&app.url(path)).await.unwrap();
            let allowed = relaymap::http::routes(0)
                .rules()
                .iter()
                .find(|r| {
                    r.method == axum::http::Method::GET
                        && path.starts_with(r.path.split('{').next().unwrap())
                        && (r.path == path || r.path.contains('{'))
                })
                .is_none_or(|r| r.access.allows(*role));
            if allowed {
                chrome.wait_for(ready).await;
            } else {
                chrome.wait_for("body").await;
            }
            let mut shown = 0;
            if allowed && ready.starts_with("#map") {
                shown = open_everything_on_the_map(&chrome).await;
            }
            if allowed && path == "/scenario" {
                chrome
                    .wait_for("#saved option:nth-child(2)")
                    .await
                    .click()
                    .await
                    .unwrap();
                chrome.wait_for("#load").await.click().await.unwrap();
                chrome.wait_for("#results:not([hidden])").await;
                shown = shown.max(open_everything_on_the_map(&chrome).await);
            }

            // Assert
            shown = shown.max(probes(&chrome).await);
            assert_eq!(shown, 0, "markup became elements on {path} for a {role}");
        }
    }
    chrome.client.clone().close().await.unwrap();
}
