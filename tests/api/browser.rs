//! The web pages in a real headless Chromium (Debian's `chromium` and `chromium-driver`), driven
//! over WebDriver: sign in with the printed token, see the demo city's actors on the map, draw the
//! affected area and run the crisis scenario, and read the same numbers the API gives for that
//! query. Screenshots of every page go to `target/browser-screenshots/`. `tests/run` installs
//! Chromium and runs these; a plain `cargo test` skips them (they need the browser).

use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MOUSE_BUTTON_LEFT, MouseActions, PointerAction,
};
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
    /// Stops chromedriver and the Chromium it started: killing chromedriver alone leaves the
    /// browser running, so the whole process group goes (chromedriver leads its own).
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.driver.id())])
            .stderr(Stdio::null())
            .status();
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
    .process_group(0)
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
    /// Reads the console, where every entry must be a page answered with one of `statuses`
    /// (a browser logs each 4xx page it is shown).
    async fn expect_statuses_in_console(&self, statuses: &[u16]) {
        let log = self.client.issue_cmd(BrowserLog).await.unwrap();
        for entry in log.as_array().into_iter().flatten() {
            let message = entry["message"].as_str().unwrap_or_default();
            assert!(
                statuses
                    .iter()
                    .any(|s| message.contains(&format!("status of {s} "))),
                "{entry}"
            );
        }
    }

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

    /// Waits (at most 30 s) until an element's text contains `needle`, as a page that is
    /// being replaced by the next one settles; its whole text.
    async fn wait_for_text(&self, css: &str, needle: &str) -> String {
        let mut seen = String::new();
        for _ in 0..150 {
            if let Ok(element) = self.client.find(Locator::Css(css)).await
                && let Ok(text) = element.text().await
            {
                if text.contains(needle) {
                    return text;
                }
                seen = text;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("{css} never said {needle:?}; it said {seen:?}");
    }

    async fn text(&self, css: &str) -> String {
        self.wait_for(css).await.text().await.unwrap()
    }

    /// The actors on the map: markers drawn alone plus those counted in cluster icons, once
    /// the map has stopped moving (while it zooms, old and new cluster icons are both there).
    async fn on_map(&self) -> usize {
        let script = "if (document.querySelector('#map .leaflet-zoom-anim')) return -1; \
            let n = document.querySelectorAll('#map .leaflet-map-pane .actor').length; \
            document.querySelectorAll('#map .marker-cluster span') \
                .forEach(function (s) { n += Number(s.textContent); }); \
            return n;";
        let mut last = -1;
        for _ in 0..50 {
            tokio::time::sleep(Duration::from_millis(300)).await;
            let count = self.client.execute(script, vec![]).await.unwrap();
            let count = count.as_i64().unwrap();
            if count >= 0 && count == last {
                return count as usize;
            }
            last = count;
        }
        panic!("the map never stopped moving");
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

impl Chrome {
    /// Opens a page of the app and waits until `ready` is on it.
    async fn open(&self, app: &TestApp, path: &str, ready: &str) -> Element {
        self.client.goto(&app.url(path)).await.unwrap();
        self.wait_for(ready).await
    }

    /// Presses and releases one key (Tab, Escape…), as a keyboard would.
    async fn press(&self, key: fantoccini::key::Key) {
        let value: char = key.into();
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
        self.client.perform_actions(actions).await.unwrap();
    }

    /// The page at 1440 px and at 360 px wide (a small phone): console, axe-core and a
    /// screenshot at each width; at 360 px nothing scrolls sideways and no word in a table,
    /// a description list or a heading is broken over lines ("T r u s t").
    async fn at_both_widths(&self, name: &str) {
        for width in [1440, 360] {
            self.client.set_window_size(width, 900).await.unwrap();
            // Leaflet and the graph redraw on resize.
            tokio::time::sleep(Duration::from_millis(300)).await;
            self.screenshot(&format!("{name}-{width}")).await;
            if width == 360 {
                let inner = self
                    .client
                    .execute("return window.innerWidth;", vec![])
                    .await
                    .unwrap();
                assert_eq!(inner, 360, "the window is a phone's");
                self.assert_fits(name).await;
                self.assert_no_broken_words(name).await;
            }
        }
        self.client.set_window_size(1440, 900).await.unwrap();
    }

    /// Fails when the page is wider than the window.
    async fn assert_fits(&self, page: &str) {
        let overflow = self
            .client
            .execute(
                "const over = document.documentElement.scrollWidth - window.innerWidth; \
                 const wide = Array.from(document.querySelectorAll('body *')).filter(function (e) { \
                   return e.getBoundingClientRect().right > window.innerWidth + 1 \
                     && !e.closest('.table-scroll, .leaflet-pane'); }) \
                   .slice(-5).map(function (e) { return e.tagName + '#' + e.id + '.' + e.className; }); \
                 return [over, wide];",
                vec![],
            )
            .await
            .unwrap();
        assert!(
            overflow[0].as_i64().unwrap() <= 0,
            "{page} is {} px too wide for a 360 px phone: {}",
            overflow[0],
            overflow[1]
        );
    }

    /// Fails when a word inside a table cell, a description or a heading runs over more than
    /// one line: each word's text is measured as a range, which has one box per line.
    async fn assert_no_broken_words(&self, page: &str) {
        let script = "const broken = []; \
            document.querySelectorAll('td, th, dt, dd, caption, h1, h2, h3').forEach(function (cell) { \
              const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT); \
              let node; \
              while ((node = walker.nextNode())) { \
                const words = /[^\\s\\-\\/–→·,;:()]+/g; let match; \
                while ((match = words.exec(node.data))) { \
                  const range = document.createRange(); \
                  range.setStart(node, match.index); \
                  range.setEnd(node, match.index + match[0].length); \
                  const lines = Array.from(range.getClientRects()).filter(function (r) { return r.width > 0; }); \
                  if (lines.length > 1) broken.push(match[0]); \
                } \
              } \
            }); \
            return broken.slice(0, 10);";
        let broken = self.client.execute(script, vec![]).await.unwrap();
        assert_eq!(
            broken,
            json!([]),
            "words broken over lines on {page} at 360 px"
        );
    }

    /// The file a download saved whose name starts with `prefix` and ends with `suffix`.
    async fn downloaded(&self, prefix: &str, suffix: &str) -> std::path::PathBuf {
        for _ in 0..100 {
            let found = std::fs::read_dir(self.downloads.path())
                .unwrap()
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .find(|path| {
                    let name = path.file_name().unwrap().to_string_lossy();
                    name.starts_with(prefix) && name.ends_with(suffix)
                });
            if let Some(path) = found {
                return path;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("no {prefix}…{suffix} was downloaded");
    }

    /// The text of every cell of a table's body, row by row.
    async fn table(&self, css: &str) -> Vec<Vec<String>> {
        let script = format!(
            "return Array.from(document.querySelectorAll('{css} tbody tr'), function (tr) {{ \
                return Array.from(tr.cells, function (td) {{ return td.textContent.trim(); }}); }});"
        );
        serde_json::from_value(self.client.execute(&script, vec![]).await.unwrap()).unwrap()
    }
}

/// Signs in through the form with a token; the header then names the token's role.
async fn sign_in(chrome: &Chrome, app: &TestApp, token: &str) {
    chrome.client.delete_all_cookies().await.unwrap();
    chrome.client.goto(&app.url("/signin")).await.unwrap();
    submit_token(chrome, token).await;
}

/// Types a token into the sign-in form on screen and sends it.
async fn submit_token(chrome: &Chrome, token: &str) {
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
    chrome.wait_for("header.site .who .role").await;
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

/// Draws the area through `corners` (pixel offsets from the map's centre), undoing and redoing
/// the last corner on the way, and finishes it: the GeoJSON polygon the page holds.
async fn draw_area(chrome: &Chrome, map: &Element, corners: &[(f64, f64)]) -> Value {
    // The legend folded away first, as someone drawing near its corner would.
    chrome
        .client
        .execute(
            "const legend = document.querySelector('#map .map-legend[open] summary'); \
             if (legend) legend.click();",
            vec![],
        )
        .await
        .unwrap();
    chrome.wait_for("#draw-start").await.click().await.unwrap();
    for (x, y) in corners {
        chrome.click_map(map, *x, *y).await;
    }
    let n = corners.len();
    chrome.wait_for(&format!("#map[data-corners='{n}']")).await;
    // A corner put in the wrong place is taken back, and put in again.
    chrome.wait_for("#draw-undo").await.click().await.unwrap();
    chrome
        .wait_for(&format!("#map[data-corners='{}']", n - 1))
        .await;
    let (x, y) = corners[n - 1];
    chrome.click_map(map, x, y).await;
    chrome.wait_for(&format!("#map[data-corners='{n}']")).await;
    chrome.wait_for("#draw-finish").await.click().await.unwrap();
    let area = chrome
        .wait_for("#map[data-area]")
        .await
        .attr("data-area")
        .await
        .unwrap()
        .unwrap();
    serde_json::from_str(&area).unwrap()
}

#[tokio::test]
#[ignore = "needs Chromium and chromedriver: tests/run installs them"]
async fn a_coordinator_signs_in_maps_the_city_and_runs_a_scenario_as_the_api_does() {
    let app = spawn_app_with(|config| config.demo = true).await;
    let chrome = chrome().await;
    sign_in(&chrome, &app, &app.admin_token).await;

    // The map shows every located actor of the demo city, alone or counted in a cluster, over
    // the districts' outlines, each labelled, with a legend.
    let map = chrome.open(&app, "/map", "#map[data-markers]").await;
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
    let count = |css: &'static str| {
        let client = chrome.client.clone();
        async move { client.find_all(Locator::Css(css)).await.unwrap().len() }
    };
    assert!(
        count("#map .marker-cluster").await > 0,
        "thousands of markers are clustered"
    );
    assert_eq!(
        map.attr("data-outlines").await.unwrap().as_deref(),
        Some("5")
    );
    assert_eq!(
        count("#map .district-label").await,
        5,
        "districts are named"
    );
    let legend = chrome.text("#map .legend").await;
    for kind in ["Migrant", "Organisation", "Responder"] {
        assert!(legend.contains(kind), "the legend names {kind}: {legend}");
    }
    // Narrowed to one language, typed by its name, the map shows the actors the API lists with it.
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
        .send_keys("Tigrinya")
        .await
        .unwrap();
    chrome
        .wait_for(&format!("#map[data-shown='{tigrinya}']"))
        .await;
    assert_eq!(chrome.on_map().await, tigrinya);
    chrome.screenshot("map-tigrinya").await;

    // Draw a polygon around the middle of the city (a corner undone and put back), clear it,
    // draw it again, and run the scenario.
    let map = chrome.open(&app, "/scenario", "#map[data-markers]").await;
    let corners = [
        (-160.0, -110.0),
        (160.0, -110.0),
        (160.0, 110.0),
        (-160.0, 110.0),
    ];
    let first = draw_area(&chrome, &map, &corners).await;
    chrome.wait_for("#area-clear").await.click().await.unwrap();
    chrome.wait_for("#map:not([data-area])").await;
    assert_eq!(count("#map path.area").await, 0, "the cleared area is gone");
    let area = draw_area(&chrome, &map, &corners).await;
    assert_eq!(area["type"], "Polygon");
    assert_eq!(area, first, "the same clicks draw the same area");
    chrome.wait_for("#run").await.click().await.unwrap();
    chrome.wait_for("#results:not([hidden])").await;
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
    assert!(
        targets > reached && reached > 0,
        "some reached, some cut off"
    );

    // The call list and the single points of failure name people, with their languages (by
    // name) and how to reach them, as the API lists them.
    let language_name = |code: &Value| {
        relaymap::domain::Language::parse(code.as_str().unwrap())
            .unwrap()
            .english_name()
            .unwrap()
            .to_owned()
    };
    for (table, key) in [
        ("#call-list", "call_list"),
        ("#failures", "single_points_of_failure"),
    ] {
        let rows = chrome.table(table).await;
        let listed = api[key].as_array().unwrap();
        assert_eq!(rows.len(), listed.len(), "{table}");
        assert!(
            !rows.is_empty() || key != "call_list",
            "the call list has rows"
        );
        for (row, entry) in rows.iter().zip(listed) {
            assert_eq!(row[0], entry["name"].as_str().unwrap(), "{table}");
            let first = &entry["languages"][0];
            if !first.is_null() {
                assert!(
                    row[2].starts_with(&language_name(first)),
                    "{table}: {row:?}"
                );
            }
            assert!(!row[3].is_empty(), "{table}: {row:?}");
        }
    }
    // The cut off are listed by name, so that the cell can reach them another way.
    let cut_off = chrome.table("#cut-off").await;
    assert_eq!(cut_off.len(), targets - reached);
    assert!(
        cut_off.iter().all(|row| !row[0].starts_with("m-")),
        "{cut_off:?}"
    );
    // The conditions it was run under are printed with it.
    let conditions = chrome.text("#conditions").await;
    for said in [
        "Run at",
        "drawn, 4 corners",
        "all channels",
        "at most 3",
        "share a language",
    ] {
        assert!(conditions.contains(said), "{said} in {conditions}");
    }
    // Reliability is drawn on the map; the cut off as hollow rings.
    assert!(count("#map path.reached").await > 0);
    assert!(count("#map path.unreached").await <= targets - reached);
    chrome.at_both_widths("scenario-results").await;

    // The relay path shows by keyboard: Tab from the heading before the list onto the first
    // (weakest) reached migrant.
    chrome
        .client
        .execute(
            "const h = document.getElementById('reached-heading'); \
             h.tabIndex = -1; h.focus();",
            vec![],
        )
        .await
        .unwrap();
    chrome.press(fantoccini::key::Key::Tab).await;
    let focused = chrome
        .client
        .execute(
            "return document.activeElement.classList.contains('show-path') \
                 ? document.activeElement.textContent : null;",
            vec![],
        )
        .await
        .unwrap();
    let weakest = focused
        .as_str()
        .expect("Tab reaches the first reached migrant");
    chrome.wait_for("#map path.relay-path").await;
    let said = chrome.text("#path-status").await;
    assert!(
        said.starts_with(&format!("Path to {weakest}:")) && said.contains(" → "),
        "{said}"
    );
    chrome.screenshot("scenario-path").await;

    // The result downloads as CSV: a row per target with their name, the reached ones marked,
    // under a name that says when.
    chrome
        .wait_for("#download-csv")
        .await
        .click()
        .await
        .unwrap();
    let file = chrome.downloaded("relaymap-scenario-", ".csv").await;
    let csv = std::fs::read_to_string(&file).unwrap();
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("id,name,first_language,channels,reached")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), targets);
    assert_eq!(rows.iter().filter(|r| r[4] == "yes").count(), reached);
    assert!(
        rows.iter().all(|r| !r[1].is_empty() && r[1] != r[0]),
        "names"
    );
    // And as GeoJSON: a point per located target with name, languages and channels, and the
    // area with its conditions.
    chrome
        .wait_for("#download-geojson")
        .await
        .click()
        .await
        .unwrap();
    let file = chrome.downloaded("relaymap-scenario-", ".geojson").await;
    let geojson: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let features = geojson["features"].as_array().unwrap();
    let points: Vec<&Value> = features
        .iter()
        .filter(|f| f["geometry"]["type"] == "Point")
        .collect();
    assert!(!points.is_empty() && points.len() <= targets);
    assert!(points.iter().all(|p| p["properties"]["name"].is_string()
        && p["properties"]["languages"].is_array()
        && p["properties"]["channels"].is_array()));
    let drawn = features
        .iter()
        .find(|f| f["properties"]["area"] == true)
        .expect("the area is in the file");
    assert_eq!(drawn["geometry"], area);
    assert_eq!(
        drawn["properties"]["conditions"]["Ties from a responder"],
        "at most 3"
    );

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
    chrome.open(&app, "/scenario", "#map[data-markers]").await;
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

    // The cascade simulation of that query: the table and the chart show the API's numbers.
    chrome.wait_for("#simulate").await.click().await.unwrap();
    chrome.wait_for("#cascade-table tbody tr").await;
    let ran: Value = serde_json::from_str(
        chrome
            .client
            .execute(
                "return document.getElementById('results').dataset.query;",
                vec![],
            )
            .await
            .unwrap()
            .as_str()
            .unwrap(),
    )
    .unwrap();
    let mut asked = ran.clone();
    asked["runs"] = json!(1000);
    asked["seed"] = json!(1);
    let simulation: Value = app
        .post_json("/api/v1/simulate", &asked)
        .await
        .json()
        .await
        .unwrap();
    let bands = simulation["by_hour"].as_array().unwrap();
    let expected: Vec<Vec<String>> = bands
        .iter()
        .filter(|b| b["hour"].as_u64().unwrap() % 6 == 0)
        .map(|b| {
            vec![
                format!("{} h", b["hour"]),
                format!("{:.1}", b["mean"].as_f64().unwrap()),
                b["p5"].to_string(),
                b["p95"].to_string(),
            ]
        })
        .collect();
    assert_eq!(chrome.table("#cascade-table").await, expected);
    // The line has a point per hour, climbing (reached by each hour only grows), and ends at
    // the mean at the horizon on the chart's scale.
    let points: Vec<(f64, f64)> = serde_json::from_value(
        chrome
            .client
            .execute(
                "return Array.from(document.querySelector('#cascade-chart polyline.mean').points,                  function (p) { return [p.x, p.y]; });",
                vec![],
            )
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(points.len(), bands.len());
    assert!(points.windows(2).all(|w| w[1].1 <= w[0].1 + 1e-9));
    let targets_drawn = simulation["targets"].as_f64().unwrap().max(1.0);
    let last_mean = bands.last().unwrap()["mean"].as_f64().unwrap();
    let expected_y = 260.0 - 32.0 - (260.0 - 12.0 - 32.0) * last_mean / targets_drawn;
    assert!((points.last().unwrap().1 - expected_y).abs() < 0.01);
    chrome
        .client
        .execute(
            "document.getElementById('cascade-heading').scrollIntoView();",
            vec![],
        )
        .await
        .unwrap();
    chrome.at_both_widths("scenario-cascade").await;

    // Analysts and viewers never see names: the scenario page and the coverage API refuse
    // them, with a page in words.
    for role in [
        relaymap::domain::Role::Analyst,
        relaymap::domain::Role::Viewer,
    ] {
        let token = app.token(role).await;
        assert_eq!(
            crate::helpers::client_with(&token)
                .post(app.url("/api/v1/coverage"))
                .json(&query)
                .send()
                .await
                .unwrap()
                .status(),
            403
        );
        sign_in(&chrome, &app, &token).await;
        chrome.open(&app, "/scenario", "main h1").await;
        let page = chrome.text("main").await;
        assert!(page.contains("You cannot open this page"), "{role}: {page}");
        assert_eq!(count("#call-list").await, 0);
    }
    chrome.client.clone().close().await.unwrap();
}

/// The API's record of an actor, by id (404 as `Null`).
async fn actor_record(app: &TestApp, id: &str) -> Value {
    let response = app.get(&format!("/api/v1/actors/{id}")).await;
    if response.status() == 404 {
        return Value::Null;
    }
    response.json().await.unwrap()
}

/// The ties the API lists for an actor.
async fn ties_of(app: &TestApp, id: &str) -> Vec<Value> {
    let page: Value = app
        .get(&format!("/api/v1/ties?actor={id}&limit=1000"))
        .await
        .json()
        .await
        .unwrap();
    page["ties"].as_array().unwrap().clone()
}

/// Adds a tie on the open card: the other actor typed by name, a kind chosen.
async fn add_tie(chrome: &Chrome, other: &str, kind: &str) {
    chrome
        .wait_for("#add-tie summary")
        .await
        .click()
        .await
        .unwrap();
    chrome
        .wait_for("#tie-other")
        .await
        .send_keys(other)
        .await
        .unwrap();
    chrome
        .wait_for(&format!("#tie-kind option[value='{kind}']"))
        .await
        .click()
        .await
        .unwrap();
    chrome
        .wait_for("#tie-trust")
        .await
        .send_keys("0.8")
        .await
        .unwrap();
    chrome.wait_for("#tie-add").await.click().await.unwrap();
}

#[tokio::test]
#[ignore = "needs Chromium and chromedriver: tests/run installs them"]
async fn a_coordinator_finds_creates_links_and_erases_a_person_from_the_pages() {
    let app = spawn_app_with(|config| config.demo = true).await;
    let chrome = chrome().await;

    // A deep link survives signing in: the page asked for opens after the form.
    chrome.client.delete_all_cookies().await.unwrap();
    chrome
        .client
        .goto(&app.url("/intermediaries?sort=trust"))
        .await
        .unwrap();
    chrome.wait_for("form.signin").await;
    submit_token(&chrome, &app.admin_token).await;
    chrome.wait_for("h1").await;
    let url = chrome.client.current_url().await.unwrap();
    assert_eq!(
        (url.path(), url.query()),
        ("/intermediaries", Some("sort=trust"))
    );

    // Search from the header by part of a name, in another case.
    let person = actor_record(&app, "m-0007").await;
    let name = person["name"].as_str().unwrap().to_owned();
    let part: String = name
        .chars()
        .skip(1)
        .take(5)
        .collect::<String>()
        .to_uppercase();
    chrome
        .wait_for("#header-q")
        .await
        .send_keys(&part)
        .await
        .unwrap();
    chrome
        .wait_for("form.header-search button")
        .await
        .click()
        .await
        .unwrap();
    chrome
        .wait_for("#actors a[href='/actors/m-0007']")
        .await
        .click()
        .await
        .unwrap();
    chrome.wait_for_text("main h1", &name).await;

    // Create a migrant from the page: kind, name, languages by name, city, channel, place.
    chrome.open(&app, "/actors/new", "#new-name").await;
    chrome
        .wait_for("input[name=kind][value=migrant]")
        .await
        .click()
        .await
        .unwrap();
    chrome
        .wait_for("#new-name")
        .await
        .send_keys("Zewdi Qelemwork")
        .await
        .unwrap();
    chrome
        .wait_for("#new-languages")
        .await
        .send_keys("Tigrinya, English")
        .await
        .unwrap();
    chrome
        .wait_for("#new-city option[value='c-01']")
        .await
        .click()
        .await
        .unwrap();
    chrome
        .wait_for("input[name=channel][value=whatsapp]")
        .await
        .click()
        .await
        .unwrap();
    chrome
        .wait_for("#new-lat")
        .await
        .send_keys("not a number")
        .await
        .unwrap();
    chrome
        .wait_for("input[name=consent_purpose][value=warnings]")
        .await
        .click()
        .await
        .unwrap();
    chrome.wait_for("#new-save").await.click().await.unwrap();
    // A wrong field: the error in words next to it, and what was typed kept. The page comes
    // back as 422, the one entry in the console.
    let error = chrome
        .wait_for_text(".has-error .field-error", "atitude")
        .await;
    let log = chrome.client.issue_cmd(BrowserLog).await.unwrap();
    let entries = log.as_array().unwrap();
    assert!(
        entries.len() == 1 && entries[0]["message"].as_str().unwrap().contains("422"),
        "{entries:?}"
    );
    assert!(error.to_lowercase().contains("latitude"), "{error}");
    assert_eq!(
        chrome
            .wait_for("#new-name")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("Zewdi Qelemwork")
    );
    chrome.at_both_widths("actor-new-error").await;
    let lat = chrome.wait_for("#new-lat").await;
    lat.clear().await.unwrap();
    lat.send_keys("45.4642").await.unwrap();
    chrome
        .wait_for("#new-lon")
        .await
        .send_keys("9.19")
        .await
        .unwrap();
    chrome.wait_for("#new-save").await.click().await.unwrap();
    chrome.wait_for_text("main h1", "Zewdi Qelemwork").await;
    let id = chrome
        .client
        .current_url()
        .await
        .unwrap()
        .path()
        .trim_start_matches("/actors/")
        .to_owned();
    let created = actor_record(&app, &id).await;
    assert_eq!(created["kind"], "migrant");
    assert_eq!(created["languages"], json!(["tir", "eng"]));
    assert_eq!(created["city"], "c-01");
    assert_eq!(created["channels"], json!(["whatsapp"]));

    // Edit: the name changes, the rest stays.
    chrome
        .wait_for("#edit summary")
        .await
        .click()
        .await
        .unwrap();
    let field = chrome.wait_for("#edit-name").await;
    field.clear().await.unwrap();
    field.send_keys("Zewdi Q.").await.unwrap();
    chrome.wait_for("#edit-save").await.click().await.unwrap();
    chrome.wait_for_text("main h1", "Zewdi Q.").await;
    let edited = actor_record(&app, &id).await;
    assert_eq!(edited["name"], "Zewdi Q.");
    assert_eq!(edited["languages"], created["languages"]);

    // Linked by name in both directions: from her card to an organisation, and from another
    // organisation's card to her; both ties run from the migrant to the organisation.
    let organisations: Value = app
        .get("/api/v1/actors?kind=organisation&limit=2")
        .await
        .json()
        .await
        .unwrap();
    let (first, second) = (&organisations["actors"][0], &organisations["actors"][1]);
    add_tie(&chrome, first["name"].as_str().unwrap(), "member_of").await;
    chrome.wait_for("#ties tbody tr").await;
    chrome
        .open(
            &app,
            &format!("/actors/{}", second["id"].as_str().unwrap()),
            "#add-tie",
        )
        .await;
    add_tie(&chrome, "Zewdi Q.", "member_of").await;
    chrome
        .wait_for(&format!("#ties a[href='/actors/{id}']"))
        .await;
    let mut ends: Vec<(String, String)> = ties_of(&app, &id)
        .await
        .iter()
        .map(|t| {
            (
                t["source"].as_str().unwrap().to_owned(),
                t["target"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    ends.sort();
    let mut expected = vec![
        (id.clone(), first["id"].as_str().unwrap().to_owned()),
        (id.clone(), second["id"].as_str().unwrap().to_owned()),
    ];
    expected.sort();
    assert_eq!(ends, expected);
    chrome.at_both_widths("actor-organisation").await;

    // Erased, with the warning read first: she is gone from the API and her ties with her.
    chrome
        .open(&app, &format!("/actors/{id}"), "#delete-link")
        .await;
    chrome.wait_for("#delete-link").await.click().await.unwrap();
    let warning = chrome.text(".warning-text").await;
    assert!(warning.contains("cannot be undone"), "{warning}");
    chrome.at_both_widths("actor-delete").await;
    chrome.wait_for("#how-erase").await.click().await.unwrap();
    chrome
        .wait_for("#confirm-delete")
        .await
        .click()
        .await
        .unwrap();
    chrome.wait_for_text("p.notice", "rased").await;
    assert_eq!(actor_record(&app, &id).await, Value::Null);
    assert!(ties_of(&app, &id).await.is_empty());
    let search = app
        .get("/api/v1/actors?q=Zewdi")
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(search["actors"], json!([]));

    // Pages another role may not open, and pages that do not exist, answer in HTML, in words.
    let analyst = app.token(relaymap::domain::Role::Analyst).await;
    sign_in(&chrome, &app, &analyst).await;
    for (path, said) in [
        ("/actors/m-0007", "You cannot open this page"),
        ("/actors", "You cannot open this page"),
        ("/no-such-page", "not"),
    ] {
        chrome.open(&app, path, "main h1").await;
        let text = chrome.text("main").await;
        assert!(text.contains(said), "{path}: {text}");
        assert!(!text.contains('{'), "no JSON on {path}: {text}");
        assert!(!text.contains(&name), "{path}");
    }
    chrome.open(&app, "/actors/m-0007", "main h1").await;
    chrome.expect_statuses_in_console(&[403, 404]).await;
    chrome.at_both_widths("forbidden").await;
    chrome.client.clone().close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs Chromium and chromedriver: tests/run installs them"]
async fn every_page_reads_at_1440_and_360_px_and_the_charts_draw_the_numbers() {
    let app = spawn_app_with(|config| config.demo = true).await;
    let chrome = chrome().await;
    chrome.client.delete_all_cookies().await.unwrap();
    chrome.open(&app, "/signin", "#token").await;
    chrome.at_both_widths("signin").await;
    submit_token(&chrome, &app.admin_token).await;
    let tie = ties_of(&app, "m-0007").await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let remove = format!("/actors/m-0007/ties/{tie}/remove");
    let pages = [
        ("dashboard", "/", "main h1"),
        ("actors", "/actors", "#actors"),
        ("actors-found", "/actors?q=a&kind=migrant", "#actors"),
        ("actor-new", "/actors/new", "#new-name"),
        ("actor-responder", "/actors/r-01", "#ties"),
        ("actor-migrant", "/actors/m-0007", "#ties"),
        ("tie-remove", remove.as_str(), "main h1"),
        ("map", "/map", "#map[data-markers]"),
        ("scenario", "/scenario", "#map[data-markers]"),
        ("intermediaries", "/intermediaries", "main h1"),
        ("duplicates", "/duplicates", "main h1"),
        ("network", "/network", "#graph[data-nodes]"),
        (
            "network-city",
            "/network?city=c-01&colour=kind",
            "#graph[data-nodes]",
        ),
        ("import", "/import", "main h1"),
        ("research", "/research", "#tie-types"),
        ("admin", "/admin", "main h1"),
        ("audit", "/admin/audit", "main h1"),
        ("not-found", "/actors/m-9999999", "main h1"),
    ];
    for (name, path, ready) in pages {
        chrome.open(&app, path, ready).await;
        if name == "not-found" {
            chrome.expect_statuses_in_console(&[404]).await;
        }
        chrome.at_both_widths(name).await;
    }

    // The tie types chart: each language on its own row, its three bars in the proportions
    // the table under it gives.
    chrome.open(&app, "/research", "#tie-types").await;
    let drawn: Vec<(String, f64, [f64; 3])> = serde_json::from_value(
        chrome
            .client
            .execute(
                "return Array.from(document.querySelectorAll('#tie-types g.row'), function (g) { \
                   const rects = [0, 1, 2].map(function (k) { \
                     return g.querySelector('rect.capital-' + k); }); \
                   return [g.dataset.language, Number(rects[0].getAttribute('y')), \
                     rects.map(function (r) { return Number(r.getAttribute('width')); })]; });",
                vec![],
            )
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(drawn.len() > 2, "{drawn:?}");
    assert!(
        drawn.windows(2).all(|pair| pair[0].1 + 16.0 <= pair[1].1),
        "every language has a row of its own: {drawn:?}"
    );
    let by_language = chrome
        .client
        .execute(
            "const table = Array.from(document.querySelectorAll('table')).find(function (t) { \
               return t.caption && t.caption.textContent === 'By first language'; }); \
             return Array.from(table.tBodies[0].rows, function (tr) { \
               return Array.from(tr.cells, function (td) { return td.textContent.trim(); }); });",
            vec![],
        )
        .await
        .unwrap();
    let rows: Vec<Vec<String>> = serde_json::from_value(by_language).unwrap();
    for (language, _, widths) in &drawn {
        let row = rows
            .iter()
            .find(|row| &row[0] == language)
            .unwrap_or_else(|| panic!("{language} is in the table: {rows:?}"));
        let shares: Vec<f64> = row[2..5].iter().map(|c| c.parse().unwrap()).collect();
        let (width, share) = (widths.iter().sum::<f64>(), shares.iter().sum::<f64>());
        for k in 0..3 {
            assert!(
                (widths[k] / width - shares[k] / share).abs() < 0.02,
                "{language}: bars {widths:?} against shares {shares:?}"
            );
        }
    }
    // The degree chart: a bar per row of its numbers, longest for the largest.
    let degrees: Vec<(f64, f64)> = serde_json::from_value(
        chrome
            .client
            .execute(
                "return Array.from(document.querySelectorAll('#degrees rect'), function (r) { \
                   const label = r.parentNode.querySelector('text:last-of-type'); \
                   return [Number(r.getAttribute('width')), \
                     Number((r.nextElementSibling || label).textContent.replace(/[^0-9.]/g, ''))]; });",
                vec![],
            )
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(!degrees.is_empty());
    for a in &degrees {
        for b in &degrees {
            if a.1 > b.1 && b.1 > 0.0 {
                assert!(a.0 > b.0, "more actors, a longer bar: {degrees:?}");
            }
        }
    }

    // The network view draws what the API lays out, and a click on a dot names the actor.
    let graph = chrome.open(&app, "/network", "#graph[data-nodes]").await;
    let api: Value = app.get("/api/v1/view").await.json().await.unwrap();
    let count = |key: &str| api[key].as_array().unwrap().len().to_string();
    assert_eq!(
        graph.attr("data-nodes").await.unwrap(),
        Some(count("nodes"))
    );
    assert_eq!(graph.attr("data-ties").await.unwrap(), Some(count("ties")));
    let legend = chrome.text("#legend").await;
    assert!(
        !legend.contains("community 0"),
        "communities are named: {legend}"
    );
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
    chrome
        .click_map(&graph, spot[1].as_f64().unwrap(), spot[2].as_f64().unwrap())
        .await;
    let picked = chrome.text("#picked-card:not([hidden]) #picked-name").await;
    let named = actor_record(&app, spot[0].as_str().unwrap()).await;
    assert!(
        picked.contains(named["name"].as_str().unwrap()),
        "{picked} {spot}"
    );

    // An admin issues a token from the page: its secret shown once.
    chrome.open(&app, "/admin", "main h1").await;
    chrome
        .wait_for("#issue-label")
        .await
        .send_keys("Field team")
        .await
        .unwrap();
    chrome
        .wait_for("input[name=role][value=viewer]")
        .await
        .click()
        .await
        .unwrap();
    chrome.wait_for("#issue").await.click().await.unwrap();
    let secret = chrome.text("#secret").await;
    chrome.at_both_widths("token-issued").await;
    assert_eq!(
        crate::helpers::client_with(&secret)
            .get(app.url("/api/v1/stats"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    chrome.client.clone().close().await.unwrap();
}

/// The import page's status once it starts with `word` (`Ready`, `Imported`).
async fn import_status(chrome: &Chrome, word: &str) -> String {
    chrome
        .client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::XPath(&format!(
            "//p[@id='import-status'][starts-with(., '{word}')]"
        )))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
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
    let ready = import_status(&chrome, "Ready").await;
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
    import_status(&chrome, "Imported").await;
    let stats = app.stats().await;
    assert_eq!(stats["actors"]["total"], 3);
    assert_eq!(stats["ties"]["total"], 2);
}

#[tokio::test]
#[ignore = "needs Chromium and chromedriver: tests/run installs them"]
async fn a_graph_file_imports_through_the_page_with_what_was_left_out_said() {
    let app = crate::helpers::spawn_app().await;
    let chrome = chrome().await;
    sign_in(&chrome, &app, &app.admin_token).await;
    // A GraphML export with metric columns (a fuzz seed: 3 actors, 1 tie).
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds/graph_file/valid.graphml");
    chrome.client.goto(&app.url("/import")).await.unwrap();
    chrome
        .wait_for("#document-file")
        .await
        .send_keys(file.to_str().unwrap())
        .await
        .unwrap();
    chrome.wait_for("#import-run").await.click().await.unwrap();
    let ready = import_status(&chrome, "Ready").await;
    assert!(
        ready.contains("3 new and 0 updated actors, 1 new and 0 updated ties")
            && ready.contains("metric columns left out"),
        "{ready}"
    );
    chrome.screenshot("import-graph-checked").await;
    chrome
        .wait_for("#import-confirm:not([hidden])")
        .await
        .click()
        .await
        .unwrap();
    import_status(&chrome, "Imported").await;
    assert_eq!(app.stats().await["ties"]["total"], 1);
}

#[tokio::test]
#[ignore = "needs chromium and chromedriver (tests/run installs them)"]
async fn a_network_canvas_export_imports_through_the_page_with_a_saved_mapping() {
    let app = crate::helpers::spawn_app().await;
    // A study's mapping whose name carries markup: the page shows it as text.
    let name = format!("Harbour {MARKUP}");
    let mapping = json!({"name": name, "ego": "migrant",
        "nodes": {"Person": {"kind": "migrant", "ego_tie": "knows"}},
        "edges": {"knows": "knows"},
        "variables": {"name": "name", "trust": "closeness"}, "trust_scale": 5});
    let path: String = url::form_urlencoded::byte_serialize(name.as_bytes()).collect();
    let response = app
        .put_json(
            &format!("/api/v1/mappings/{}", path.replace('+', "%20")),
            &mapping,
        )
        .await;
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    let chrome = chrome().await;
    sign_in(&chrome, &app, &app.admin_token).await;
    // A Network Canvas GraphML (a fuzz seed: an ego, two people and a place, one edge).
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds/graph_file/valid-network-canvas.graphml");
    chrome.client.goto(&app.url("/import")).await.unwrap();
    assert_eq!(probes(&chrome).await, 0, "the mapping's name is text");
    chrome
        .wait_for("#document-file")
        .await
        .send_keys(file.to_str().unwrap())
        .await
        .unwrap();
    // Without the mapping, the page says what the file is and how it is read.
    chrome.wait_for("#import-run").await.click().await.unwrap();
    let refused = import_status(&chrome, "a Network Canvas export").await;
    assert!(refused.contains("mapping"), "{refused}");
    chrome.expect_statuses_in_console(&[400]).await;
    chrome
        .client
        .execute(
            "const s = document.getElementById('mapping'); s.selectedIndex = 1; \
             s.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![],
        )
        .await
        .unwrap();
    chrome.wait_for("#import-run").await.click().await.unwrap();
    let ready = import_status(&chrome, "Ready").await;
    assert!(
        ready.contains("3 new and 0 updated actors, 3 new and 0 updated ties")
            && ready.contains("1 Network Canvas interview(s)")
            && ready.contains("Place (1)"),
        "{ready}"
    );
    chrome.screenshot("import-network-canvas-checked").await;
    chrome
        .wait_for("#import-confirm:not([hidden])")
        .await
        .click()
        .await
        .unwrap();
    import_status(&chrome, "Imported").await;
    assert_eq!(app.stats().await["ties"]["total"], 3);
    assert_eq!(probes(&chrome).await, 0);
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
    // An activation named with markup, its contacts noted with markup, re-planned after one.
    let saved: Value = app.get("/api/v1/scenarios").await.json().await.unwrap();
    let saved_name = saved["scenarios"][0]["name"].as_str().unwrap().to_owned();
    let started: Value = app
        .post_json(
            "/api/v1/activations",
            &json!({"name": format!("Drill{MARKUP}"), "scenario": saved_name, "drill": true}),
        )
        .await
        .json()
        .await
        .unwrap();
    let activation = started["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{started}"))
        .to_owned();
    for (actor, outcome) in [
        ("o-1", "reached"),
        ("m-1", "confirmed"),
        ("r-1", "unavailable"),
    ] {
        let recorded = app
            .post_json(
                &format!("/api/v1/activations/{activation}/contacts"),
                &json!({"actor": actor, "outcome": outcome, "note": MARKUP}),
            )
            .await;
        assert_eq!(recorded.status(), 200);
    }
    let board = format!("/activations/{activation}");
    let sheet = format!("/activations/{activation}/sheets/o-1");
    let report = format!("/activations/{activation}/report");
    let store = relaymap::store::open(app.store_config(), 0).await.unwrap();
    let mut tokens = Vec::new();
    for role in relaymap::domain::Role::ALL {
        let (token, secret) =
            relaymap::app::new_token(role, format!("{role}{MARKUP}"), None).unwrap();
        store.create_token(&token, &secret.hash()).await.unwrap();
        tokens.push((role, secret.expose().to_owned()));
    }
    let chrome = chrome().await;
    let pages: [(&str, &str); 24] = [
        ("/duplicates", "body"),
        ("/activations", "body"),
        (board.as_str(), "body"),
        (sheet.as_str(), "body"),
        (report.as_str(), "body"),
        ("/verification", "body"),
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
        ("/actors", "body"),
        ("/actors?q=B", "body"),
        ("/actors/m-1/delete", "body"),
        ("/actors/m-1/ties/t-1/remove", "body"),
        ("/admin", "body"),
        ("/admin/audit", "body"),
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

/// The ids of a call list table's rows, in order.
async fn call_list_rows(chrome: &Chrome) -> Vec<String> {
    serde_json::from_value(
        chrome
            .client
            .execute(
                "return Array.from(document.querySelectorAll('#call-list tbody tr, #more-call-list tbody tr'), \
                 function (tr) { return tr.dataset.actor; });",
                vec![],
            )
            .await
            .unwrap(),
    )
    .unwrap()
}

#[tokio::test]
#[ignore = "needs Chromium and chromedriver: tests/run installs them"]
async fn a_coordinator_runs_an_activation_and_the_call_list_moves_on_without_reloading() {
    let app = spawn_app_with(|config| config.demo = true).await;
    let saved = app
        .put_json("/api/v1/scenarios/flood", &json!({"max_hops": 3}))
        .await;
    assert_eq!(saved.status(), reqwest::StatusCode::OK);
    let chrome = chrome().await;
    sign_in(&chrome, &app, &app.admin_token).await;

    // Start an activation from the saved scenario.
    chrome.open(&app, "/activations", "#start-name").await;
    chrome.at_both_widths("activations").await;
    chrome.client.set_window_size(1280, 900).await.unwrap();
    chrome
        .wait_for("#start-name")
        .await
        .send_keys("Harbour flood")
        .await
        .unwrap();
    chrome.wait_for("#start").await.click().await.unwrap();
    chrome.wait_for("#call-list tbody tr").await;
    let url = chrome.client.current_url().await.unwrap();
    let id = url.path().trim_start_matches("/activations/").to_owned();
    let planned = call_list_rows(&chrome).await;
    let expected: Value = app
        .post_json("/api/v1/coverage", &json!({"max_hops": 3}))
        .await
        .json()
        .await
        .unwrap();
    let ids = |report: &Value| -> Vec<String> {
        report["call_list"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(planned, ids(&expected));
    chrome.at_both_widths("activation-board").await;
    chrome.client.set_window_size(1280, 900).await.unwrap();

    // Mark the first relay unavailable: the list moves on to the next-best relays, in place.
    chrome
        .client
        .execute("window.stillTheSamePage = true;", vec![])
        .await
        .unwrap();
    let first = planned[0].clone();
    chrome
        .wait_for(&format!(
            "#call-list tr[data-actor='{first}'] form.outcome input[value=unavailable] ~ button"
        ))
        .await
        .click()
        .await
        .unwrap();
    let first_name = actor_record(&app, &first).await["name"]
        .as_str()
        .unwrap()
        .to_owned();
    chrome.wait_for_text("#unavailable", &first_name).await;
    let without: Value = app
        .post_json(
            "/api/v1/coverage",
            &json!({"max_hops": 3, "exclude": [first]}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(call_list_rows(&chrome).await, ids(&without));
    assert!(!call_list_rows(&chrome).await.contains(&first));
    let same = chrome
        .client
        .execute("return window.stillTheSamePage === true;", vec![])
        .await
        .unwrap();
    assert_eq!(same, json!(true), "the board changed without a reload");

    // Another coordinator confirms a migrant through the API: the board shows it unasked.
    let confirmed = app
        .post_json(
            &format!("/api/v1/activations/{id}/contacts"),
            &json!({"actor": "m-0007", "outcome": "confirmed"}),
        )
        .await;
    assert_eq!(confirmed.status(), reqwest::StatusCode::OK);
    let name = actor_record(&app, "m-0007").await["name"]
        .as_str()
        .unwrap()
        .to_owned();
    chrome.wait_for_text("#contacts", &name).await;
    assert_eq!(chrome.text("#migrants-confirmed").await, "1");

    // The map follows: the confirmed migrant in green, the plan's unreached as rings.
    let full: Value = app
        .get(&format!("/api/v1/activations/{id}"))
        .await
        .json()
        .await
        .unwrap();
    let unreached: std::collections::HashSet<String> = full["plan"]["unreached"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap().to_owned())
        .collect();
    let rings = located_actors(&app, |a| {
        unreached.contains(a["id"].as_str().unwrap()) && a["id"] != "m-0007"
    })
    .await;
    let confirmed_on_map = located_actors(&app, |a| a["id"] == "m-0007").await;
    chrome
        .wait_for(&format!("#map[data-confirmed='{confirmed_on_map}']"))
        .await;
    assert_eq!(
        chrome
            .wait_for("#map")
            .await
            .attr("data-unreachable")
            .await
            .unwrap(),
        Some(rings.to_string())
    );

    // Print the call sheet of the new first relay: whom they pass the message on to, as the
    // plan's paths say.
    let relay = call_list_rows(&chrome).await[0].clone();
    chrome
        .open(
            &app,
            &format!("/activations/{id}/sheets/{relay}"),
            "#pass-to",
        )
        .await;
    let board: Value = app
        .get(&format!("/api/v1/activations/{id}"))
        .await
        .json()
        .await
        .unwrap();
    let mut next: Vec<String> = board["plan"]["reached"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| {
            let path: Vec<&str> = r["path"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap())
                .collect();
            let at = path.iter().position(|p| *p == relay)?;
            path.get(at + 1).map(|p| (*p).to_owned())
        })
        .collect();
    next.sort();
    next.dedup();
    let shown = chrome.table("#pass-to").await;
    assert_eq!(shown.len(), next.len());
    for (row, id) in shown.iter().zip(&next) {
        let record = actor_record(&app, id).await;
        assert_eq!(row[1], record["name"].as_str().unwrap());
    }
    assert!(
        chrome
            .wait_for("#print")
            .await
            .is_displayed()
            .await
            .unwrap()
    );
    chrome.at_both_widths("call-sheet").await;

    // The report and the ties to re-verify read on both widths too.
    chrome
        .open(&app, &format!("/activations/{id}/report"), "#failed")
        .await;
    assert!(chrome.text("#failed").await.contains("unavailable"));
    chrome.at_both_widths("activation-report").await;
    chrome.open(&app, "/verification", "main h1").await;
    chrome.at_both_widths("verification").await;
    chrome.client.clone().close().await.unwrap();
}

/// Scrolls an element to the middle of the screen (clear of the sticky step buttons) and taps
/// it, as a thumb would.
async fn tap(chrome: &Chrome, css: &str) {
    let element = chrome.wait_for(css).await;
    chrome
        .client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'});",
            vec![serde_json::to_value(&element).unwrap()],
        )
        .await
        .unwrap();
    element.click().await.unwrap();
}

/// Types into a field after emptying it, then leaves it (which also closes any list of
/// suggestions the browser opened over the page, as a person would before tapping on).
async fn type_into(chrome: &Chrome, css: &str, text: &str) {
    let field = chrome.wait_for(css).await;
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
    chrome
        .client
        .execute("document.activeElement.blur();", vec![])
        .await
        .unwrap();
}

/// Goes on to step `step` of the interview and waits until it shows.
async fn next_step(chrome: &Chrome, step: usize) {
    next_step_in(chrome, "en", step).await;
}

/// The same, on a page in another language: "Step 3 of", "ステップ 3 / ".
async fn next_step_in(chrome: &Chrome, tag: &str, step: usize) {
    tap(chrome, "#next").await;
    let tr = relaymap::i18n::catalog().negotiate(Some(tag), None);
    let whole = tr.t2("js-interview-step", ("step", step), ("steps", "§"));
    let needle = whole.split('§').next().unwrap().to_owned();
    let text = chrome.wait_for_text("#progress-text", &needle).await;
    assert!(text.contains(&needle));
}

/// A screenshot without the console check, for the page while the server is down (the
/// browser logs every refused connection).
async fn offline_picture(chrome: &Chrome, name: &str) {
    let folder =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser-screenshots");
    std::fs::create_dir_all(&folder).unwrap();
    let png = chrome.client.screenshot().await.unwrap();
    std::fs::write(folder.join(format!("{name}.png")), png).unwrap();
}

/// Adds someone new on a name generator's screen.
async fn add_new(chrome: &Chrome, name: &str) {
    type_into(chrome, "#named-name", name).await;
    tap(chrome, "#add-new").await;
    chrome.wait_for_text("#named-here", name).await;
}

/// Answers the questions about each of `people` (steps from `first` on): trust 4, weekly.
async fn answer_about(chrome: &Chrome, first: usize, people: usize) {
    for k in 0..people {
        tap(chrome, "input[name=trust][value='4']").await;
        tap(chrome, "input[name=frequency][value=weekly]").await;
        tap(chrome, "input[name=about-channel][value=phone]").await;
        next_step(chrome, first + k + 1).await;
    }
}

/// Links the second and third people named on the sociogram screen.
async fn link_two(chrome: &Chrome) {
    tap(chrome, ".sociogram button[data-ref='p2']").await;
    tap(chrome, ".sociogram button[data-ref='p3']").await;
    chrome.wait_for("#links li").await;
}

#[tokio::test]
#[ignore = "needs Chromium and chromedriver: tests/run installs them"]
async fn an_interviewer_on_a_phone_completes_interviews_online_and_offline_each_sent_once() {
    use relaymap::domain::Role;
    let app = spawn_app_with(|config| config.demo = true).await;
    let interviewer = app.token(Role::Interviewer).await;
    let chrome = chrome().await;
    chrome.client.set_window_size(390, 844).await.unwrap();
    sign_in(&chrome, &app, &interviewer).await;
    // An interviewer lands on the interview, the only page they have.
    chrome.wait_for("input[name=language]").await;
    assert_eq!(
        chrome.client.current_url().await.unwrap().path(),
        "/interview"
    );
    chrome.screenshot("interview-start").await;
    // The demo city holds interviews of its own: these two come on top.
    let demo_interviews = app
        .get("/api/v1/interviews?limit=1000")
        .await
        .json::<Value>()
        .await
        .unwrap()["interviews"]
        .as_array()
        .unwrap()
        .len();

    // The first interview, online: consent, a new person, a roster pick and two new people,
    // the questions about each, a sociogram link.
    tap(&chrome, "input[name=language][value=ara]").await;
    next_step(&chrome, 2).await;
    chrome.screenshot("interview-consent-arabic").await;
    tap(&chrome, "#next").await;
    chrome
        .wait_for_text(".error-summary", "nothing is recorded")
        .await;
    tap(&chrome, "input[name=purpose][value=warnings]").await;
    tap(&chrome, "input[name=purpose][value=research]").await;
    next_step(&chrome, 3).await;
    type_into(&chrome, "#ego-name", "Hagos Tesfay").await;
    type_into(&chrome, "#ego-languages", "tir, Arabic (ara)").await;
    tap(&chrome, "input[name=ego-channel][value=whatsapp]").await;
    next_step(&chrome, 4).await;
    type_into(&chrome, "#roster-q", "Ahmadi").await;
    let pick = chrome.wait_for("#roster-results .pick").await;
    let picked = pick.attr("data-id").await.unwrap().unwrap();
    tap(&chrome, "#roster-results .pick").await;
    add_new(&chrome, "Saba Kidane Weldu").await;
    add_new(&chrome, "Yonas Berhe Tekle").await;
    chrome.screenshot("interview-name-generator").await;
    for step in 5..=7 {
        next_step(&chrome, step).await;
    }
    next_step(&chrome, 8).await;
    chrome.screenshot("interview-about").await;
    answer_about(&chrome, 8, 3).await;
    link_two(&chrome).await;
    chrome.screenshot("interview-sociogram").await;
    next_step(&chrome, 12).await;
    chrome.screenshot("interview-summary").await;
    tap(&chrome, "#next").await;
    chrome.wait_for_text("#done", "Sent").await;
    chrome
        .wait_for_text("#outbox-status", "Every interview has been sent")
        .await;

    let list: Value = app.get("/api/v1/interviews").await.json().await.unwrap();
    let first_id = list["interviews"][0]["id"].as_str().unwrap().to_owned();
    let first: Value = app
        .get(&format!("/api/v1/interviews/{first_id}"))
        .await
        .json()
        .await
        .unwrap();
    let named = first["named"].as_array().unwrap();
    assert_eq!(named.len(), 3);
    assert_eq!(
        (&named[0]["id"], &named[0]["new"]),
        (&json!(picked), &json!(false))
    );
    assert!(named[1]["new"].as_bool().unwrap() && named[2]["new"].as_bool().unwrap());
    assert_eq!(first["sociogram"].as_array().unwrap().len(), 1);
    assert_eq!(first["language"], "ara");
    let ego: Value = app
        .get(&format!(
            "/api/v1/actors/{}",
            first["ego"]["id"].as_str().unwrap()
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        ego["consent_record"]["purposes"],
        json!(["warnings", "research"])
    );
    assert_eq!(ego["languages"], json!(["tir", "ara"]));

    // The second, with the server stopped: the page (kept by the service worker) and the
    // interview in progress survive a reload; the finished interview waits on the phone.
    let session = chrome.client.get_all_cookies().await.unwrap();
    assert!(!session.is_empty());
    let app = app
        .stopped_while(async {
            tap(&chrome, "#another").await;
            chrome.wait_for_text("#progress-text", "Step 1 of").await;
            next_step(&chrome, 2).await;
            tap(&chrome, "input[name=purpose][value=warnings]").await;
            next_step(&chrome, 3).await;
            chrome.client.refresh().await.unwrap();
            chrome.wait_for_text("#progress-text", "Step 3 of").await;
            type_into(&chrome, "#ego-name", "Mariam Idris Omar").await;
            next_step(&chrome, 4).await;
            type_into(&chrome, "#roster-q", "Ahmadi").await;
            chrome
                .wait_for_text("#roster-results", "needs the connection")
                .await;
            add_new(&chrome, "Fatima Nur Ahmed").await;
            add_new(&chrome, "Ali Hassan Farah").await;
            for step in 5..=8 {
                next_step(&chrome, step).await;
            }
            answer_about(&chrome, 8, 2).await;
            tap(&chrome, ".sociogram button[data-ref='p1']").await;
            tap(&chrome, ".sociogram button[data-ref='p2']").await;
            chrome.wait_for("#links li").await;
            next_step(&chrome, 11).await;
            tap(&chrome, "#next").await;
            chrome.wait_for_text("#done", "Kept on this phone").await;
            chrome
                .wait_for_text("#outbox-status", "1 interview waits")
                .await;
            offline_picture(&chrome, "interview-offline-waiting").await;
        })
        .await;
    // The server is back: the page sends what waited, once.
    chrome
        .wait_for_text("#outbox-status", "Every interview has been sent")
        .await;
    let _ = chrome.client.issue_cmd(BrowserLog).await;
    let list: Value = app
        .get("/api/v1/interviews?limit=1000")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        list["interviews"].as_array().unwrap().len(),
        demo_interviews + 2
    );
    let found: Value = app
        .get("/api/v1/actors?q=Mariam%20Idris")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(found["actors"].as_array().unwrap().len(), 1, "sent once");
    // Sending again (a retry after a lost answer) changes nothing.
    tokio::time::sleep(Duration::from_secs(6)).await;
    let list: Value = app
        .get("/api/v1/interviews?limit=1000")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        list["interviews"].as_array().unwrap().len(),
        demo_interviews + 2
    );
    chrome.screenshot("interview-all-sent").await;
}

/// What a page shows that must be in the page's language: the navigation, the header, the
/// headings, the buttons, the labels and the table headers, each element's text.
async fn interface_texts(chrome: &Chrome) -> Vec<String> {
    serde_json::from_value(
        chrome
            .client
            .execute(
                "return Array.from(document.querySelectorAll('nav.site a, nav.site button, \
                 header.site button, header.site .tagline, h1, h2, h3, button, label, th, caption, \
                 legend'), function (e) { return e.innerText.trim(); }) \
                 .filter(function (t) { return t.length > 0; });",
                vec![],
            )
            .await
            .unwrap(),
    )
    .unwrap()
}

#[tokio::test]
#[ignore = "needs Chromium and chromedriver: tests/run installs them"]
async fn every_page_speaks_each_shipped_language_and_arabic_runs_right_to_left() {
    use relaymap::i18n::catalog;
    let app = spawn_app_with(|config| config.demo = true).await;
    let saved = app
        .put_json("/api/v1/scenarios/flood", &json!({"max_hops": 3}))
        .await;
    assert_eq!(saved.status(), reqwest::StatusCode::OK);
    let started: Value = app
        .post_json(
            "/api/v1/activations",
            &json!({"name": "Harbour flood", "scenario": "flood", "drill": true}),
        )
        .await
        .json()
        .await
        .unwrap();
    let activation = started["id"].as_str().unwrap().to_owned();
    let actors: Value = app
        .get("/api/v1/actors?kind=migrant&limit=1")
        .await
        .json()
        .await
        .unwrap();
    let migrant = actors["actors"][0]["id"].as_str().unwrap().to_owned();
    let migrant_name = actors["actors"][0]["name"].as_str().unwrap().to_owned();
    let pages: Vec<(String, &str)> = vec![
        ("/".into(), "nav.site"),
        ("/actors".into(), "body"),
        ("/actors/new".into(), "body"),
        (format!("/actors/{migrant}"), "body"),
        (format!("/actors/{migrant}/delete"), "body"),
        ("/duplicates".into(), "body"),
        ("/map".into(), "#map[data-markers]"),
        ("/scenario".into(), "#map[data-markers]"),
        ("/verification".into(), "body"),
        ("/activations".into(), "body"),
        (format!("/activations/{activation}"), "#call-list"),
        (format!("/activations/{activation}/report"), "body"),
        ("/intermediaries".into(), "body"),
        ("/network".into(), "#graph[data-nodes]"),
        ("/import".into(), "body"),
        ("/interview".into(), "#interview"),
        ("/interviews".into(), "body"),
        ("/research".into(), "body"),
        ("/admin".into(), "body"),
        ("/admin/audit".into(), "body"),
        ("/actors/no-such-actor".into(), "h1"),
    ];
    // Every message id of every locale: none may show on a page as it is.
    let ids: std::collections::BTreeSet<&str> =
        catalog().locales().iter().flat_map(|l| l.ids()).collect();
    // Languages' names for themselves (the interview's language choice, the switch).
    let autonyms: Vec<String> = catalog()
        .locales()
        .iter()
        .map(|l| {
            catalog()
                .negotiate(Some(l.tag), None)
                .t("locale-name")
                .to_lowercase()
        })
        .collect();
    // What is the same in every language: the brand, channel and product names, languages'
    // own names, and the data.
    let same_everywhere = |text: &str| {
        autonyms.contains(&text.to_lowercase())
            || !text.chars().any(char::is_alphabetic)
            // Words some languages share with English: "Radio" (French, Spanish), "Actor"
            // (Spanish), "Activations" (French).
            || [
                "relaymap",
                "SMS",
                "WhatsApp",
                "Radio",
                "Actor",
                "Activations",
                "Harbour flood",
                "OK",
            ]
            .contains(&text)
            || text.contains(&migrant_name)
    };
    let chrome = chrome().await;
    sign_in(&chrome, &app, &app.admin_token).await;
    let mut english: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let mut problems = Vec::new();
    for locale in catalog().locales() {
        let tag = locale.tag;
        // The switch in the header, as a person would use it.
        chrome.open(&app, "/", "#language-choice").await;
        chrome
            .client
            .execute(
                &format!(
                    "const s = document.getElementById('language-choice'); s.value = '{tag}'; \
                     s.dispatchEvent(new Event('change'));"
                ),
                vec![],
            )
            .await
            .unwrap();
        chrome.wait_for(&format!("html[lang='{tag}']")).await;
        for (path, ready) in &pages {
            chrome.open(&app, path, ready).await;
            let (lang, dir): (String, String) = serde_json::from_value(
                chrome
                    .client
                    .execute(
                        "return [document.documentElement.lang, \
                         getComputedStyle(document.body).direction];",
                        vec![],
                    )
                    .await
                    .unwrap(),
            )
            .unwrap();
            assert_eq!(lang, tag, "{path}");
            assert_eq!(dir, if tag == "ar" { "rtl" } else { "ltr" }, "{tag} {path}");
            let body = chrome.text("body").await;
            for word in body.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
                assert!(
                    !(word.contains('-') && ids.contains(word)),
                    "{tag} {path} shows the message id {word}"
                );
            }
            let texts = interface_texts(&chrome).await;
            if tag == "en" {
                english.insert(path.clone(), texts);
            } else {
                let left: Vec<&String> = texts
                    .iter()
                    .filter(|t| english[path].contains(t) && !same_everywhere(t))
                    .collect();
                if !left.is_empty() {
                    problems.push(format!("{tag} {path}: English left: {left:?}"));
                }
            }
            if tag == "ar" {
                // Mirrored: the navigation starts at the right.
                let (first, last): (f64, f64) = serde_json::from_value(
                    chrome
                        .client
                        .execute(
                            "const links = document.querySelectorAll('nav.site .nav-links a'); \
                             return links.length < 2 ? [1, 0] : \
                             [links[0].getBoundingClientRect().left, \
                              links[links.length - 1].getBoundingClientRect().left];",
                            vec![],
                        )
                        .await
                        .unwrap(),
                )
                .unwrap();
                assert!(
                    first > last,
                    "{path}: the first link is at the right in Arabic"
                );
            }
            if path.contains("no-such-actor") {
                // The browser logs the page's 404 status: expected here.
                chrome.expect_statuses_in_console(&[404]).await;
            }
            // Named the same on every run: the activation's and the actor's ids left out.
            let name = path
                .replace(&activation, "one")
                .replace(&migrant, "one")
                .trim_matches('/')
                .replace(['/', '?', '='], "-");
            let name = if name.is_empty() {
                "dashboard".into()
            } else {
                name
            };
            chrome.screenshot(&format!("locale-{tag}-{name}")).await;
        }
    }
    chrome.client.clone().close().await.unwrap();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[tokio::test]
#[ignore = "needs Chromium and chromedriver: tests/run installs them"]
async fn an_interview_runs_in_arabic_for_the_person_and_in_japanese_for_the_interviewer() {
    use relaymap::domain::Role;
    let app = spawn_app_with(|config| config.demo = true).await;
    let interviewer = app.token(Role::Interviewer).await;
    let chrome = chrome().await;
    chrome.client.set_window_size(390, 844).await.unwrap();
    sign_in(&chrome, &app, &interviewer).await;
    chrome.wait_for("input[name=language]").await;
    // The interviewer reads Japanese: the switch in the header.
    chrome
        .client
        .execute(
            "const s = document.getElementById('language-choice'); s.value = 'ja'; \
             s.dispatchEvent(new Event('change'));",
            vec![],
        )
        .await
        .unwrap();
    chrome.wait_for("html[lang='ja']").await;
    let ja = relaymap::i18n::catalog().negotiate(Some("ja"), None);
    assert_eq!(chrome.text("#next").await, ja.t("js-interview-next"));

    // The person interviewed reads Arabic: each question in Arabic, Japanese beneath it.
    tap(&chrome, "input[name=language][value=ara]").await;
    next_step_in(&chrome, "ja", 2).await;
    let languages: Vec<(String, String)> = serde_json::from_value(
        chrome
            .client
            .execute(
                "return Array.from(document.querySelectorAll('main [lang]'), \
                 function (e) { return [e.lang, e.dir]; });",
                vec![],
            )
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(
        languages.contains(&("ar".into(), "rtl".into())),
        "{languages:?}"
    );
    assert!(languages.iter().any(|(l, _)| l == "ja"), "{languages:?}");
    assert!(
        !languages.iter().any(|(l, _)| l == "en"),
        "no English beneath: {languages:?}"
    );
    chrome
        .screenshot("interview-arabic-for-a-japanese-interviewer")
        .await;
    tap(&chrome, "input[name=purpose][value=warnings]").await;
    next_step_in(&chrome, "ja", 3).await;
    type_into(&chrome, "#ego-name", "هاجوس تسفاي").await;
    next_step_in(&chrome, "ja", 4).await;
    add_new(&chrome, "سابا كيداني").await;
    add_new(&chrome, "يوناس برهي").await;
    for step in 5..=8 {
        next_step_in(&chrome, "ja", step).await;
    }
    for k in 0..2 {
        tap(&chrome, "input[name=trust][value='4']").await;
        tap(&chrome, "input[name=frequency][value=weekly]").await;
        next_step_in(&chrome, "ja", 9 + k).await;
    }
    tap(&chrome, ".sociogram button[data-ref='p1']").await;
    tap(&chrome, ".sociogram button[data-ref='p2']").await;
    chrome.wait_for("#links li").await;
    next_step_in(&chrome, "ja", 11).await;
    chrome.screenshot("interview-summary-japanese").await;
    tap(&chrome, "#next").await;
    let sent = ja.t("js-interview-done-sent");
    chrome.wait_for_text("#done", &sent).await;

    let list: Value = app
        .get("/api/v1/interviews?limit=1000")
        .await
        .json()
        .await
        .unwrap();
    // The latest first: ours.
    let ours = &list["interviews"][0];
    let interview: Value = app
        .get(&format!(
            "/api/v1/interviews/{}",
            ours["id"].as_str().unwrap()
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(interview["language"], "ara");
    assert_eq!(interview["named"].as_array().unwrap().len(), 2);
    assert_eq!(interview["sociogram"].as_array().unwrap().len(), 1);
    chrome.client.clone().close().await.unwrap();
}
