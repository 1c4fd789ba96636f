//! `GET /v1/openapi.json`.

use parvis_tests::Call;

#[test]
fn the_openapi_document_is_served() {
    let reply = Call::get("/v1/openapi.json").send();
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json["openapi"], "3.1.0");
    assert!(reply.json["paths"]["/v1/widgets/{id}/ballots"]["post"].is_object());
}
