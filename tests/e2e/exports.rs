//! The exports screen in the real window: a workbook saved through the native dialog.

use calamine::Reader;

use crate::harness::{App, Home};

#[tokio::test(flavor = "multi_thread")]
async fn the_cese_pack_is_saved_through_the_native_dialog() {
    let home = Home::new();
    let file = home.file("demo.journee");
    home.journee(&["demo", file.to_str().unwrap()]);
    let app = App::launch(&home, &[file.to_str().unwrap()]).await;
    app.click("[data-screen='exports']").await;
    app.click("[data-export='cese'] button.primary").await;
    let target = home.file("pack-pour-le-cese.xlsx");
    app.answer_file_dialog("Enregistrer l'export", &target)
        .await;
    let saved = app
        .wait_text("[data-testid='saved-cese']", |t| {
            t.contains("pack-pour-le-cese.xlsx")
        })
        .await;
    assert!(saved.starts_with("Enregistré"), "{saved}");
    let book: calamine::Xlsx<_> = calamine::open_workbook(&target).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Programme",
            "Salles",
            "Intervenants",
            "Tables",
            "Badges",
            "Restauration"
        ]
    );
    app.quit().await;
}
