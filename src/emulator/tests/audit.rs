//! Moderation and keyword libraries end to end. Oracles: content_moderation's documented request
//! and answer (its verdict is reproduced by putting its keyword into the cloud library with its
//! label), the cloud keyword pages' requests and answer shapes (1047/77829-77832), and the local
//! keyword values of the doocs Java SDK (FilterType 1 replace / 2 intercept, WordType 1 / 2).

use super::calls::*;
use super::support::*;
use serde_json::{json, Value};

const AUDIT: &str = "im_msg_audit";
const MGR: &str = "im_msg_audit_mgr";

fn keys(v: &Value) -> Vec<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

fn library(r: &mut Rig) -> String {
    let v = r.ok(
        MGR,
        "get_cloud_audit_keywords_ids",
        &json!({"SdkAppId":APP,"Offset":0,"Limit":3}).to_string(),
    );
    v["Infos"][0]["ID"].as_str().unwrap().to_owned()
}

fn moderate(r: &mut Rig, text: &str) -> Value {
    r.ok(
        AUDIT,
        "content_moderation",
        &json!({"AuditName":"C2C","ContentType":"Text","Content":text}).to_string(),
    )
}

#[test]
fn the_documented_verdict_comes_from_the_cloud_library() {
    let mut r = Rig::new();
    // Nothing configured: everything passes.
    let v = moderate(&mut r, "违规词汇");
    assert_eq!(
        (v["Result"].clone(), v["Score"].clone(), v["Label"].clone()),
        (json!("Pass"), json!(0), json!("Normal"))
    );
    assert!(v.get("Keywords").is_none());
    // get_cloud_audit_keywords_ids: the documented request; the answer's documented shape.
    let v = r.ok(
        MGR,
        "get_cloud_audit_keywords_ids",
        &json!({"SdkAppId":APP,"Offset":0,"Limit":3}).to_string(),
    );
    let sample = json!({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"RequestId":"","TotalCount":3,
        "Infos":[{"ID":"e77ff172-40f5-404c-8055-20f34504de82","LibName":"4_7_1400187352_1","Describe":"","CreateTime":"2023-02-20 13:53:44 +0800 CST","Suggestion":"Block"}]});
    assert_eq!(keys(&v), keys(&sample));
    assert_eq!(keys(&v["Infos"][0]), keys(&sample["Infos"][0]));
    assert_eq!(v["TotalCount"], 1);
    let lib = library(&mut r);
    assert_eq!(lib.len(), 36);
    // add_cloud_audit_keywords: the documented request shape -> {RequestId}.
    let v = r.ok(MGR, "add_cloud_audit_keywords", &json!({"SdkAppId":APP,"LibID":lib,"UserKeywords":[{"Content":"违规词汇","Label":"Polity"},{"Content":"xyz123456test1","Label":"Ad"}]}).to_string());
    assert_eq!(
        keys(&v),
        ["ActionStatus", "ErrorCode", "ErrorInfo", "RequestId"]
    );
    // content_moderation: the documented request now gets the documented answer (RequestId aside).
    let mut v = r.ok(
        AUDIT,
        "content_moderation",
        r#"{"AuditName":"C2C","ContentType":"Text","Content":"违规词汇"}"#,
    );
    let id = v["RequestId"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 36);
    v["RequestId"] = "91fa78f3-18c8-4b20-9c56-5845df18f634".into();
    assert_eq!(
        v,
        json!({"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","RequestId":"91fa78f3-18c8-4b20-9c56-5845df18f634","Result":"Block","Score":100,"Label":"Polity","Keywords":["违规词汇"]})
    );
    // The same request gets the same RequestId; another content another one.
    assert_eq!(moderate(&mut r, "违规词汇")["RequestId"], id);
    assert_ne!(moderate(&mut r, "other")["RequestId"], id);
    // Inside a longer text, and an image URL containing a keyword.
    let v = moderate(&mut r, "buy xyz123456test1 now");
    assert_eq!(
        (v["Result"].clone(), v["Label"].clone()),
        (json!("Block"), json!("Ad"))
    );
    let v = r.ok(
        AUDIT,
        "content_moderation",
        r#"{"AuditName":"Group","ContentType":"Image","Content":"https://x/xyz123456test1.png"}"#,
    );
    assert_eq!(v["Result"], "Block");
    // Audio and video are asynchronous: a RequestId only.
    let v = r.ok(
        AUDIT,
        "content_moderation",
        r#"{"AuditName":"C2C","ContentType":"Audio","Content":"https://x/xyz123456test1.mp3"}"#,
    );
    assert_eq!(
        keys(&v),
        ["ActionStatus", "ErrorCode", "ErrorInfo", "RequestId"]
    );
    // A "Normal" keyword never blocks.
    r.ok(MGR, "add_cloud_audit_keywords", &json!({"SdkAppId":APP,"LibID":lib,"UserKeywords":[{"Content":"违规词汇","Label":"Normal"}]}).to_string());
    assert_eq!(moderate(&mut r, "违规词汇")["Result"], "Pass");
}

#[test]
fn cloud_keywords_page_search_and_delete_as_documented() {
    let mut r = Rig::new();
    let lib = library(&mut r);
    let words: Vec<Value> = (0..25)
        .map(|i| json!({"Content": format!("test123456xyz{i}")}))
        .collect();
    r.ok(
        MGR,
        "add_cloud_audit_keywords",
        &json!({"SdkAppId":APP,"LibID":lib,"UserKeywords":words}).to_string(),
    );
    // get_cloud_audit_keywords: the documented request (fuzzy Content) and the answer's shape.
    let v = r.ok(
        MGR,
        "get_cloud_audit_keywords",
        &json!({"SdkAppId":APP,"Offset":0,"Limit":10,"LibID":lib,"Content":"test123456xyz1"})
            .to_string(),
    );
    let sample = json!({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"RequestId":"a2b6ab9c-ac0d-4627-b9fd-d3c7525048f9","TotalCount":1,"Infos":[{"ID":"10756913","Content":"test123456xyz1","CreateTime":"2023-06-24 23:45:04"}]});
    assert_eq!(keys(&v), keys(&sample));
    let found: Vec<&str> = v["Infos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["Content"].as_str().unwrap())
        .collect();
    // xyz1 and xyz10-19 contain "xyz1"; a page of 10.
    assert_eq!(found.len(), 10);
    assert_eq!(found[0], "test123456xyz1");
    assert_eq!(v["TotalCount"], 25, "TotalCount counts the whole library");
    assert_eq!(v["Infos"][0]["CreateTime"], "2026-01-01 08:00:00");
    assert_eq!(v["Infos"][0]["Label"], "Illegal");
    // Offset/Limit paging through all 25.
    let mut offset = 0;
    let mut all = Vec::new();
    loop {
        let v = r.ok(
            MGR,
            "get_cloud_audit_keywords",
            &json!({"SdkAppId":APP,"Offset":offset,"Limit":10,"LibID":lib}).to_string(),
        );
        let page = v["Infos"].as_array().unwrap().clone();
        offset += page.len();
        let short = page.len() < 10;
        all.extend(page);
        if short {
            break;
        }
    }
    assert_eq!(all.len(), 25);
    // delete_cloud_audit_keywords: the documented request and answer shape.
    let v = r.ok(
        MGR,
        "delete_cloud_audit_keywords",
        &json!({"SdkAppId":APP,"LibID":lib,"Keywords":["test123456xyz2","nope"]}).to_string(),
    );
    assert_eq!(
        v["Details"][0],
        json!({"KeywordID": all[2]["ID"], "Keyword":"test123456xyz2","Deleted":true,"ErrorInfo":""})
    );
    assert_eq!(v["Details"][1]["Deleted"], false);
    assert_eq!(v["Count"], 1);
    // Codes: a wrong app or library 2003, too many at once 2016 / 2003.
    r.fails(
        MGR,
        "get_cloud_audit_keywords_ids",
        r#"{"SdkAppId":1400187352,"Offset":0,"Limit":3}"#,
        2003,
    );
    r.fails(
        MGR,
        "get_cloud_audit_keywords",
        &json!({"SdkAppId":APP,"LibID":"other","Offset":0,"Limit":3}).to_string(),
        2003,
    );
    r.fails(
        MGR,
        "get_cloud_audit_keywords",
        &json!({"SdkAppId":APP,"LibID":lib,"Offset":0,"Limit":101}).to_string(),
        2003,
    );
    let many: Vec<Value> = (0..101)
        .map(|i| json!({"Content": format!("w{i}")}))
        .collect();
    r.fails(
        MGR,
        "add_cloud_audit_keywords",
        &json!({"SdkAppId":APP,"LibID":lib,"UserKeywords":many}).to_string(),
        2016,
    );
    r.fails(
        MGR,
        "add_cloud_audit_keywords",
        &json!({"SdkAppId":APP,"LibID":lib,"UserKeywords":[{"Content":"x","Label":"Spam"}]})
            .to_string(),
        2003,
    );
    let eleven: Vec<String> = (0..11).map(|i| format!("w{i}")).collect();
    r.fails(
        MGR,
        "delete_cloud_audit_keywords",
        &json!({"SdkAppId":APP,"LibID":lib,"Keywords":eleven}).to_string(),
        2003,
    );
}

#[test]
fn local_keywords_intercept_or_ask_for_review() {
    let mut r = Rig::new();
    // The doocs sample: a replace word (FilterType 1) with its replacement.
    r.ok(MGR, "add_local_audit_keywords", &json!({"SdkAppId":APP,"LocalAuditWords":[{"Keyword":"caonima","WordType":1,"FilterType":1,"ReplacedContent":"****"}]}).to_string());
    let v = moderate(&mut r, "you caonima");
    assert_eq!(
        (
            v["Result"].clone(),
            v["Score"].clone(),
            v["Keywords"].clone()
        ),
        (json!("Review"), json!(50), json!(["caonima"]))
    );
    // An intercept word (the default FilterType) blocks; a regex word is listed, never matched.
    r.ok(MGR, "add_local_audit_keywords", &json!({"SdkAppId":APP,"LocalAuditWords":[{"Keyword":"spam"},{"Keyword":"sp.m","WordType":2}]}).to_string());
    let v = moderate(&mut r, "caonima spam");
    assert_eq!(
        (
            v["Result"].clone(),
            v["Label"].clone(),
            v["Keywords"].clone()
        ),
        (json!("Block"), json!("Illegal"), json!(["caonima", "spam"]))
    );
    assert_eq!(moderate(&mut r, "spxm")["Result"], "Pass");
    // get_local_audit_keywords: counts, filters, fields.
    let get = |r: &mut Rig, extra: Value| {
        let mut b = json!({"SdkAppId":APP,"Offset":0,"Limit":10});
        for (k, v) in extra.as_object().unwrap() {
            b[k] = v.clone();
        }
        r.ok(MGR, "get_local_audit_keywords", &b.to_string())
    };
    let v = get(&mut r, json!({}));
    assert_eq!(
        (
            v["TotalCount"].clone(),
            v["TotalRegCount"].clone(),
            v["CurCount"].clone(),
            v["CurRegCount"].clone()
        ),
        (json!(3), json!(1), json!(3), json!(1))
    );
    assert_eq!(
        v["LocalAuditWords"][0],
        json!({"Id":1,"Keyword":"caonima","WordType":1,"FilterType":1,"ReplacedContent":"****","UpdateTime":"2026-01-01 08:00:00"})
    );
    let v = get(&mut r, json!({"FilterType":2,"Keyword":"sp"}));
    assert_eq!(
        (
            v["CurCount"].clone(),
            v["CurRegCount"].clone(),
            v["TotalCount"].clone()
        ),
        (json!(2), json!(1), json!(3))
    );
    let v = get(&mut r, json!({"Offset":2,"Limit":1}));
    assert_eq!(v["LocalAuditWords"][0]["Keyword"], "sp.m");
    // Adding the same word again updates it; deleting by Id and by Keyword.
    r.ok(
        MGR,
        "add_local_audit_keywords",
        &json!({"SdkAppId":APP,"LocalAuditWords":[{"Keyword":"caonima","FilterType":2}]})
            .to_string(),
    );
    assert_eq!(moderate(&mut r, "caonima")["Result"], "Block");
    r.ok(MGR, "delete_local_audit_keywords", &json!({"SdkAppId":APP,"LocalAuditWords":[{"Id":1},{"Keyword":"spam"},{"Keyword":"absent"}]}).to_string());
    let v = get(&mut r, json!({}));
    assert_eq!(
        v["LocalAuditWords"],
        json!([{"Id":3,"Keyword":"sp.m","WordType":2,"FilterType":2,"ReplacedContent":"","UpdateTime":"2026-01-01 08:00:00"}])
    );
    r.snapshot_round_trip();
    // Codes.
    let eleven: Vec<Value> = (0..11)
        .map(|i| json!({"Keyword": format!("w{i}")}))
        .collect();
    r.fails(
        MGR,
        "add_local_audit_keywords",
        &json!({"SdkAppId":APP,"LocalAuditWords":eleven}).to_string(),
        2016,
    );
    for item in [
        json!({"Keyword":""}),
        json!({"Keyword":"x","WordType":3}),
        json!({"Keyword":"x","FilterType":0}),
        json!({"WordType":1}),
    ] {
        r.fails(
            MGR,
            "add_local_audit_keywords",
            &json!({"SdkAppId":APP,"LocalAuditWords":[item]}).to_string(),
            2003,
        );
    }
    r.fails(
        MGR,
        "delete_local_audit_keywords",
        &json!({"SdkAppId":APP,"LocalAuditWords":[{"WordType":1}]}).to_string(),
        2003,
    );
    r.fails(
        MGR,
        "get_local_audit_keywords",
        &json!({"SdkAppId":APP,"FilterType":3}).to_string(),
        2003,
    );
    r.fails(
        MGR,
        "get_local_audit_keywords",
        &json!({"SdkAppId":APP + 1}).to_string(),
        2003,
    );
}

#[test]
fn batches_judge_each_item() {
    let mut r = Rig::new();
    r.ok(
        MGR,
        "add_local_audit_keywords",
        &json!({"SdkAppId":APP,"LocalAuditWords":[{"Keyword":"bad"}]}).to_string(),
    );
    let v = r.ok(
        AUDIT,
        "batch_content_moderation",
        &json!({"AuditName":"Group","Contents":[
            {"ContentId":1,"ContentType":"Text","Content":"fine"},
            {"ContentId":2,"ContentType":"Text","Content":"so bad"},
            {"ContentId":3,"ContentType":"Audio","Content":"https://x/a.mp3"},
            {"ContentId":4,"ContentType":"Text","Content":"x".repeat(8 * 1024 + 1)},
        ]})
        .to_string(),
    );
    let results = v["AuditResults"].as_array().unwrap();
    assert_eq!(
        results
            .iter()
            .map(|i| i["ContentId"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    assert_eq!(
        (
            results[0]["ErrorCode"].clone(),
            results[0]["Result"].clone()
        ),
        (json!(0), json!("Pass"))
    );
    assert_eq!(
        (results[1]["Result"].clone(), results[1]["Keywords"].clone()),
        (json!("Block"), json!(["bad"]))
    );
    assert_eq!(results[2]["ErrorCode"], 60003);
    assert_eq!(results[3]["ErrorCode"], 93000);
    // The same text in one call or in a batch gets the same RequestId.
    let single = r.ok(
        AUDIT,
        "content_moderation",
        r#"{"AuditName":"Group","ContentType":"Text","Content":"so bad"}"#,
    );
    assert_eq!(single["RequestId"], results[1]["RequestId"]);
    r.fails(
        AUDIT,
        "batch_content_moderation",
        r#"{"AuditName":"Group","Contents":[]}"#,
        60003,
    );
    r.fails(
        AUDIT,
        "batch_content_moderation",
        r#"{"AuditName":"Group","Contents":[{"ContentType":"Text","Content":"x"}]}"#,
        60003,
    );
}

#[test]
fn moderation_checks_its_fields() {
    let mut r = Rig::new();
    for body in [
        json!({"AuditName":"Chat","ContentType":"Text","Content":"x"}),
        json!({"AuditName":"C2C","ContentType":"Gif","Content":"x"}),
        json!({"AuditName":"C2C","ContentType":"Text","Content":""}),
        json!({"AuditName":"C2C","ContentType":"Text"}),
    ] {
        r.fails(AUDIT, "content_moderation", &body.to_string(), 60003);
    }
    let big = json!({"AuditName":"C2C","ContentType":"Text","Content":"x".repeat(8 * 1024 + 1)});
    r.fails(AUDIT, "content_moderation", &big.to_string(), 93000);
    r.ok(
        AUDIT,
        "content_moderation",
        &json!({"AuditName":"C2C","ContentType":"Text","Content":"x".repeat(8 * 1024)}).to_string(),
    );
    each_field_mistyped(
        &mut r,
        AUDIT,
        "content_moderation",
        r#"{"AuditName":"C2C","ContentType":"Text","Content":"x","ExtSender":"a","ExtReceiver":"b"}"#,
        &[
            "AuditName",
            "ContentType",
            "Content",
            "ExtSender",
            "ExtReceiver",
        ],
        60003,
        |_, _| false,
    );
    let lib = library(&mut r);
    let mgr: &[(&str, Value, &[&str])] = &[
        (
            "add_local_audit_keywords",
            json!({"SdkAppId":APP,"LocalAuditWords":[{"Keyword":"k"}]}),
            &["SdkAppId", "LocalAuditWords"],
        ),
        (
            "delete_local_audit_keywords",
            json!({"SdkAppId":APP,"LocalAuditWords":[{"Keyword":"k"}]}),
            &["SdkAppId", "LocalAuditWords"],
        ),
        (
            "get_local_audit_keywords",
            json!({"SdkAppId":APP,"FilterType":0,"Offset":0,"Limit":5,"Keyword":""}),
            &["SdkAppId", "FilterType", "Offset", "Limit", "Keyword"],
        ),
        (
            "get_cloud_audit_keywords_ids",
            json!({"SdkAppId":APP,"Offset":0,"Limit":5}),
            &["SdkAppId", "Offset", "Limit"],
        ),
        (
            "get_cloud_audit_keywords",
            json!({"SdkAppId":APP,"Offset":0,"Limit":5,"LibID":lib,"Content":""}),
            &["SdkAppId", "Offset", "Limit", "LibID", "Content"],
        ),
        (
            "add_cloud_audit_keywords",
            json!({"SdkAppId":APP,"LibID":lib,"UserKeywords":[{"Content":"k"}]}),
            &["SdkAppId", "LibID", "UserKeywords"],
        ),
        (
            "delete_cloud_audit_keywords",
            json!({"SdkAppId":APP,"LibID":lib,"Keywords":["k"]}),
            &["SdkAppId", "LibID", "Keywords"],
        ),
    ];
    for (cmd, body, fields) in mgr {
        each_field_mistyped(&mut r, MGR, cmd, &body.to_string(), fields, 2003, |_, _| {
            false
        });
    }
}
