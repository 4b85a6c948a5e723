use reqwest::StatusCode;

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_dashboard_shows_counts_by_kind_and_no_names() {
    let app = spawn_app().await;
    app.seed_small_network().await;

    let response = app.get("/").await;

    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let page = response.text().await.unwrap();
    assert!(page.contains("5 actors and 5 ties"), "{page}");
    assert!(
        !page.contains("Selam"),
        "the dashboard must not show people's names"
    );
}

#[tokio::test]
async fn the_stylesheet_is_served() {
    let app = spawn_app().await;

    let response = app.get("/static/css/relaymap.css").await;

    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.text().await.unwrap().contains("font"));
}
