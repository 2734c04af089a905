//! Operation endpoints (answers-only) and one-to-one read receipts. Oracles: the documented
//! requests and answers of getappinfo, get_history and GetIPList (their field names and value
//! types; the values themselves are operational data), the c2c_msg_read_receipt page's request,
//! and Python's datetime for the Beijing-time strings (src/emulator/calendar.rs).

use super::calls::*;
use super::support::*;
use serde_json::{json, Value};

fn keys(v: &Value) -> Vec<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

/// getappinfo's documented "Basic format" answer row (1047, "Pulling Operations Data").
const DOC_ROW: &str = r#"{"APNSMsgNum":"84","ActiveUserNum":"2014","AppId":"1104620500","AppName":"Real-Time Communication Scenario Trial Edition","C2CAPNSMsgNum":"84","C2CDownMsgNum":"11040","C2CSendMsgUserNum":"9","C2CUpMsgNum":"52209","CallBackReq":"73069","CallBackRsp":"72902","ChainDecrease":"16","ChainIncrease":"18","Company":"Linye","Date":"20160607","DownMsgNum":"11869","GroupAPNSMsgNum":"0","GroupAllGroupNum":"41913","GroupDestroyGroupNum":"35019","GroupDownMsgNum":"829","GroupJoinGroupTimes":"121438","GroupNewGroupNum":"35904","GroupQuitGroupTimes":"108292","GroupSendMsgGroupNum":"5189","GroupSendMsgUserNum":"12","GroupUpMsgNum":"8433","LoginTimes":"13708","LoginUserNum":"2094","MaxOnlineNum":"62","RegistUserNumOneDay":"1052","RegistUserNumTotal":"53091","SendMsgUserNum":"19","UpMsgNum":"60642"}"#;

#[test]
fn app_info_has_the_documented_fields_for_30_days() {
    let mut r = Rig::new();
    r.import(&["a", "b", "c"]);
    r.ok(
        "group_open_http_svc",
        "create_group",
        r#"{"Type":"Public","Name":"g"}"#,
    );
    // The documented basic request.
    let v = r.ok("openconfigsvr", "getappinfo", "{}");
    let rows = v["Result"].as_array().unwrap();
    assert_eq!(rows.len(), 30);
    let doc: Value = serde_json::from_str(DOC_ROW).unwrap();
    assert_eq!(keys(&rows[0]), keys(&doc));
    assert!(
        rows[0].as_object().unwrap().values().all(Value::is_string),
        "values are strings, as documented"
    );
    assert_eq!(rows[0]["AppId"], APP.to_string());
    assert_eq!(rows[0]["RegistUserNumTotal"], "3");
    assert_eq!(rows[0]["GroupAllGroupNum"], "1");
    assert_eq!(rows[0]["UpMsgNum"], "0");
    // NOW is 2026-01-01 08:00 in Beijing: yesterday first, then back 29 more days.
    assert_eq!(rows[0]["Date"], "20251231");
    assert_eq!(rows[1]["Date"], "20251230");
    assert_eq!(rows[29]["Date"], "20251202");
    // The documented request naming fields: rows hold those and Date, as in its answer.
    let v = r.ok(
        "openconfigsvr",
        "getappinfo",
        r#"{"RequestField":["ChainIncrease","ChainDecrease"]}"#,
    );
    let documented = json!([{"ChainDecrease":"8","ChainIncrease":"8","Date":"20160605"},{"ChainDecrease":"17","ChainIncrease":"17","Date":"20160604"}]);
    assert_eq!(keys(&v["Result"][0]), keys(&documented[0]));
    r.fails(
        "openconfigsvr",
        "getappinfo",
        r#"{"RequestField":["Bogus"]}"#,
        130001,
    );
    r.fails(
        "openconfigsvr",
        "getappinfo",
        r#"{"RequestField":"ChainIncrease"}"#,
        130001,
    );
}

#[test]
fn history_links_have_the_documented_shape_for_past_hours_of_the_week() {
    let mut r = Rig::new();
    // One hour and a minute after 2015-12-01 21:00 Beijing (the doc's MsgTime).
    r.now = 1_448_974_800 + 3660;
    let v = r.ok(
        "open_msg_svc",
        "get_history",
        r#"{"ChatType":"C2C","MsgTime":"2015120121"}"#,
    );
    let documented = json!({"File":[{"URL":"https://download.tim.qq.com/msg_history/2/9b8f8f063b73f61698ce11e58207e89ade40.gz","ExpireTime":"2015-12-02 16:45:23","FileSize":65207,
        "FileMD5":"cceece008bb7f469a47cf8c4b7acb84e","GzipSize":1815,"GzipMD5":"c3a0269dde393fd7a8bb18bfdeaeee2e"}],"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0});
    assert_eq!(keys(&v), keys(&documented));
    assert_eq!(keys(&v["File"][0]), keys(&documented["File"][0]));
    let file = &v["File"][0];
    assert_eq!(
        file["URL"],
        format!("https://tim-edge-emulator.invalid/msg_history/{APP}/C2C/2015120121.gz")
    );
    // Expires an hour from now: 2015-12-01 22:01 + 1 h, Beijing time.
    assert_eq!(file["ExpireTime"], "2015-12-01 23:01:00");
    assert_eq!(
        (file["FileSize"].clone(), file["FileMD5"].clone()),
        (json!(0), json!("d41d8cd98f00b204e9800998ecf8427e"))
    );
    // The current hour is not ready (1004); an hour over seven days ago is gone (1005).
    r.fails(
        "open_msg_svc",
        "get_history",
        r#"{"ChatType":"Group","MsgTime":"2015120122"}"#,
        1004,
    );
    r.now += 7 * 86_400;
    r.fails(
        "open_msg_svc",
        "get_history",
        r#"{"ChatType":"Group","MsgTime":"2015120121"}"#,
        1005,
    );
    r.ok(
        "open_msg_svc",
        "get_history",
        r#"{"ChatType":"Group","MsgTime":"2015120200"}"#,
    );
    for bad in [
        r#"{"ChatType":"Chat","MsgTime":"2015120121"}"#,
        r#"{"ChatType":"C2C","MsgTime":"2015120124"}"#,
        r#"{"ChatType":"C2C","MsgTime":2015120121}"#,
        r#"{"ChatType":"C2C"}"#,
    ] {
        r.fails("open_msg_svc", "get_history", bad, 1002);
    }
}

#[test]
fn ip_list_and_media_objects() {
    let mut r = Rig::new();
    let v = r.ok("ConfigSvc", "GetIPList", "{}");
    // The documented answer's members, and the ErrorInfo its field table lists.
    assert_eq!(
        keys(&v),
        ["ActionStatus", "ErrorCode", "ErrorInfo", "IPList"]
    );
    assert_eq!(v["IPList"], json!(["127.0.0.1"]));
    // A blocked file reads Status 1 until it is allowed again.
    let url = "https://cos.example.com/a.png";
    r.ok(
        "im_cos_msg",
        "forbid_illegal_object",
        &json!({"RawURL":url}).to_string(),
    );
    let sig = |r: &mut Rig| {
        r.ok(
            "im_cos_msg",
            "get_cos_sig",
            &json!({"RawURLs":[url,"https://cos.example.com/b.png?x=1"]}).to_string(),
        )
    };
    let v = sig(&mut r);
    let items = v["PreSigURLs"].as_array().unwrap();
    assert_eq!(
        keys(&items[0]),
        ["Code", "Desc", "PreSigURL", "ResourceID", "Status"]
    );
    assert_eq!(
        (items[0]["Status"].clone(), items[1]["Status"].clone()),
        (json!(1), json!(0))
    );
    assert_eq!(
        (
            items[0]["ResourceID"].clone(),
            items[1]["ResourceID"].clone()
        ),
        (json!(1), json!(2))
    );
    let signed = items[1]["PreSigURL"].as_str().unwrap();
    assert!(
        signed.starts_with("https://cos.example.com/b.png?x=1&sign="),
        "{signed}"
    );
    assert!(signed.ends_with(&format!("&t={}", NOW + 3600)), "{signed}");
    assert_eq!(sig(&mut r)["PreSigURLs"], v["PreSigURLs"], "deterministic");
    r.ok(
        "im_cos_msg",
        "allow_banned_object",
        &json!({"RawURL":url}).to_string(),
    );
    assert_eq!(sig(&mut r)["PreSigURLs"][0]["Status"], 0);
    assert!(r.emu.state().cos.is_empty());
    for (cmd, body) in [
        ("forbid_illegal_object", r#"{"RawURL":"ftp://x"}"#),
        ("forbid_illegal_object", r#"{}"#),
        ("allow_banned_object", r#"{"RawURL":1}"#),
        ("get_cos_sig", r#"{"RawURLs":[]}"#),
        ("get_cos_sig", r#"{"RawURLs":["nope"]}"#),
    ] {
        r.fails("im_cos_msg", cmd, body, 60003);
    }
}

#[test]
fn read_receipts_check_the_messages() {
    let mut r = Rig::new();
    r.import(&["user1", "user2", "user3"]);
    let key = send_c2c(&mut r, "user2", "user1", 1, "hi");
    // The documented request (user1 reads what user2 sent), with a real MsgKey.
    let body = |k: &str| {
        json!({"Operator_Account":"user1","Peer_Account":"user2","C2CMsgInfo":[{"From_Account":"user2","To_Account":"user1","MsgKey":k}]}).to_string()
    };
    let v = r.ok("openim", "c2c_msg_read_receipt", &body(&key));
    assert_eq!(v, json!({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}));
    r.fails("openim", "c2c_msg_read_receipt", &body("1_2_3"), 20026);
    // The reader must be the recipient.
    let wrong_way = json!({"Operator_Account":"user2","Peer_Account":"user1","C2CMsgInfo":[{"From_Account":"user1","To_Account":"user2","MsgKey":key}]});
    r.fails(
        "openim",
        "c2c_msg_read_receipt",
        &wrong_way.to_string(),
        20026,
    );
    let mismatched = json!({"Operator_Account":"user1","Peer_Account":"user2","C2CMsgInfo":[{"From_Account":"user3","To_Account":"user1","MsgKey":key}]});
    r.fails(
        "openim",
        "c2c_msg_read_receipt",
        &mismatched.to_string(),
        90001,
    );
    r.fails(
        "openim",
        "c2c_msg_read_receipt",
        &body(&key).replace(
            "\"Operator_Account\":\"user1\"",
            "\"Operator_Account\":\"ghost\"",
        ),
        20003,
    );
    r.fails(
        "openim",
        "c2c_msg_read_receipt",
        r#"{"Operator_Account":"user1","Peer_Account":"user2","C2CMsgInfo":[]}"#,
        90001,
    );
    each_field_mistyped(
        &mut r,
        "openim",
        "c2c_msg_read_receipt",
        &body(&key),
        &["Operator_Account", "Peer_Account", "C2CMsgInfo"],
        90001,
        |_, _| false,
    );
}
