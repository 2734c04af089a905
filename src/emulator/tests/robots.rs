//! Chatbots end to end. Oracles: the create/delete/get pages (1047/55280-55282): the documented
//! create request, the get answer's shape, the 20-chatbot limit and the @RBT# prefix.

use super::calls::*;
use super::support::*;
use serde_json::json;

const SVC: &str = "openim_robot_http_svc";

#[test]
fn a_chatbot_is_an_account_with_a_profile() {
    let mut r = Rig::new();
    // The documented create request.
    let v = r.ok(SVC, "create_robot", r#"{"UserID":"@RBT#001","Nick":"Jarvis","FaceUrl":"www.example.com/head.jpg","SelfSignature":"hello, world"}"#);
    assert_eq!(v, json!({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}));
    r.ok(SVC, "create_robot", r#"{"UserID":"@RBT#002"}"#);
    r.ok(SVC, "create_robot", r#"{"UserID":"@RBT#003"}"#);
    // The documented get answer, exactly.
    let v = r.ok(SVC, "get_all_robots", "{}");
    assert_eq!(
        v,
        json!({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"Robot_Account":["@RBT#001","@RBT#002","@RBT#003"]})
    );
    // It is an imported account with the profile given, and can be messaged.
    let v = r.ok(
        "im_open_login_svc",
        "account_check",
        r#"{"CheckItem":[{"UserID":"@RBT#001"}]}"#,
    );
    assert_eq!(v["ResultItem"][0]["AccountStatus"], "Imported");
    let v = r.ok("profile", "portrait_get", r#"{"To_Account":["@RBT#001"],"TagList":["Tag_Profile_IM_Nick","Tag_Profile_IM_Image","Tag_Profile_IM_SelfSignature"]}"#);
    let tags = &v["UserProfileItem"][0]["ProfileItem"];
    assert_eq!(tags[0]["Value"], "Jarvis");
    assert_eq!(tags[1]["Value"], "www.example.com/head.jpg");
    assert_eq!(tags[2]["Value"], "hello, world");
    r.import(&["alice"]);
    send_c2c(&mut r, "alice", "@RBT#001", 1, "hi bot");
    // Creating it again creates nothing new but sets the fields given.
    r.ok(
        SVC,
        "create_robot",
        r#"{"UserID":"@RBT#001","Nick":"Friday"}"#,
    );
    let v = r.ok(SVC, "get_all_robots", "{}");
    assert_eq!(v["Robot_Account"].as_array().unwrap().len(), 3);
    let v = r.ok(
        "profile",
        "portrait_get",
        r#"{"To_Account":["@RBT#001"],"TagList":["Tag_Profile_IM_Nick"]}"#,
    );
    assert_eq!(v["UserProfileItem"][0]["ProfileItem"][0]["Value"], "Friday");
    // Deleting one makes it stop being a chatbot; the account stays (doc 55282).
    r.ok(SVC, "delete_robot", r#"{"Robot_Account":"@RBT#002"}"#);
    r.ok(SVC, "delete_robot", r#"{"Robot_Account":"@RBT#002"}"#);
    let v = r.ok(SVC, "get_all_robots", "{}");
    assert_eq!(v["Robot_Account"], json!(["@RBT#001", "@RBT#003"]));
    let v = r.ok(
        "im_open_login_svc",
        "account_check",
        r#"{"CheckItem":[{"UserID":"@RBT#002"}]}"#,
    );
    assert_eq!(v["ResultItem"][0]["AccountStatus"], "Imported");
    r.snapshot_round_trip();
}

#[test]
fn at_most_20_chatbots_with_the_prefix() {
    let mut r = Rig::new();
    for i in 0..20 {
        r.ok(
            SVC,
            "create_robot",
            &format!(r#"{{"UserID":"@RBT#{i:02}"}}"#),
        );
    }
    r.fails(SVC, "create_robot", r#"{"UserID":"@RBT#20"}"#, 10008);
    // One that exists is still fine at 20; after a delete there is room again.
    r.ok(SVC, "create_robot", r#"{"UserID":"@RBT#05"}"#);
    r.ok(SVC, "delete_robot", r#"{"Robot_Account":"@RBT#05"}"#);
    r.ok(SVC, "create_robot", r#"{"UserID":"@RBT#20"}"#);
    let long = format!("@RBT#{}", "x".repeat(28));
    for body in [
        r#"{"UserID":"bot"}"#.to_owned(),
        r#"{"UserID":"@RBT#"}"#.to_owned(),
        format!(r#"{{"UserID":"{long}"}}"#),
        format!(
            r#"{{"UserID":"@RBT#x","SelfSignature":"{}"}}"#,
            "s".repeat(501)
        ),
        r#"{}"#.to_owned(),
    ] {
        r.fails(SVC, "create_robot", &body, 10004);
    }
    r.fails(SVC, "delete_robot", r#"{"Robot_Account":"alice"}"#, 10004);
    // 32 bytes is the longest UserID.
    r.ok(SVC, "delete_robot", r#"{"Robot_Account":"@RBT#00"}"#);
    r.ok(SVC, "delete_robot", r#"{"Robot_Account":"@RBT#01"}"#);
    r.ok(
        SVC,
        "create_robot",
        &format!(r#"{{"UserID":"@RBT#{}"}}"#, "x".repeat(27)),
    );
    each_field_mistyped(
        &mut r,
        SVC,
        "create_robot",
        r#"{"UserID":"@RBT#00","Nick":"n","FaceUrl":"f","SelfSignature":"s"}"#,
        &["UserID", "Nick", "FaceUrl", "SelfSignature"],
        10004,
        |_, _| false,
    );
    each_field_mistyped(
        &mut r,
        SVC,
        "delete_robot",
        r#"{"Robot_Account":"@RBT#00"}"#,
        &["Robot_Account"],
        10004,
        |_, _| false,
    );
}
