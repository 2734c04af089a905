//! Push (all_member_push and timpush) through signed requests. The request bodies are the
//! examples of Tencent's pages (1047/37165-37175 all-member push, 1047/60561-60571 and 67553 the
//! Push service) and the expected codes their tables (90001 bad JSON field, 90005 MsgRandom,
//! 90018 too many accounts, 90020 tag over 50 bytes, 90022 tag in TagsOr and TagsAnd, 90026
//! MsgLifeTime, 90032 over 10 tags, 90033 bad attribute, 90039 tags with attributes, 90040 empty
//! tag, 90049 unknown TaskId, 90050 revoked already, 90052 over 24 hours).

use super::support::*;
use serde_json::{json, Value};

const IM: &str = "all_member_push";
const TP: &str = "timpush";

fn rig() -> Rig {
    Rig::with_accounts(&["xiaojun012", "xiaojun013", "xiaoming", "zed"])
}

fn pushes(r: &Rig) -> Vec<Value> {
    r.emu.inspect()["pushes"].as_array().unwrap().clone()
}

fn last_push(r: &Rig) -> Value {
    pushes(r).last().cloned().unwrap()
}

fn recipients(p: &Value) -> Vec<&str> {
    p["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

/// The doc's attribute-name example (1047/37167), then the user-attribute example (37170).
fn doc_attrs(r: &mut Rig, svc: &str, prefix: &str) {
    r.ok(
        svc,
        &format!("{prefix}set_attr_name"),
        r#"{"AttrNames":{"0":"sex","1":"city","2":"country"}}"#,
    );
    r.ok(
        svc,
        &format!("{prefix}set_attr"),
        r#"{"UserAttrs":[{"To_Account":"xiaojun012","Attrs":{"sex":"attr1","city":"attr2"}},
            {"To_Account":"xiaojun013","Attrs":{"city":"attr3","sex":"attr4"}}]}"#,
    );
}

#[test]
fn attribute_names_are_set_read_and_renamed_without_losing_values() {
    let mut r = rig();
    let v = r.ok(IM, "im_get_attr_name", "{}");
    assert_eq!(v["AttrNames"], json!({}));
    doc_attrs(&mut r, IM, "im_");
    let v = r.ok(IM, "im_get_attr_name", "{}");
    assert_eq!(
        v["AttrNames"],
        json!({"0": "sex", "1": "city", "2": "country"})
    );
    // Numbers name the attributes: renaming 1 keeps everyone's value under the new name.
    r.ok(IM, "im_set_attr_name", r#"{"AttrNames":{"1":"town"}}"#);
    let v = r.ok(IM, "im_get_attr", r#"{"To_Account":["xiaojun013"]}"#);
    assert_eq!(
        v["UserAttrs"],
        json!([{"To_Account": "xiaojun013", "Attrs": {"sex": "attr4", "town": "attr3"}}])
    );
    for (body, code) in [
        (r#"{"AttrNames":{"10":"x"}}"#, 90033),
        (r#"{"AttrNames":{"a":"x"}}"#, 90033),
        (r#"{"AttrNames":{"01":"x"}}"#, 90033),
        (r#"{"AttrNames":{"3":""}}"#, 90033),
        (r#"{"AttrNames":{"3":7}}"#, 90033),
        (
            &format!(r#"{{"AttrNames":{{"3":"{}"}}}}"#, "n".repeat(51)),
            90033,
        ),
        // Two numbers may not share a name (attributes are set by name).
        (r#"{"AttrNames":{"3":"sex"}}"#, 90033),
        (r#"{"AttrNames":["sex"]}"#, 90001),
        ("{}", 90001),
        // AttrTypes belongs to the Push service.
        (r#"{"AttrNames":{"3":"x"},"AttrTypes":{"3":0}}"#, 90001),
    ] {
        r.fails(IM, "im_set_attr_name", body, code);
    }
    let v = r.ok(IM, "im_get_attr_name", "{}");
    assert_eq!(
        v["AttrNames"],
        json!({"0": "sex", "1": "town", "2": "country"})
    );
}

#[test]
fn user_attributes_set_read_and_remove() {
    let mut r = rig();
    doc_attrs(&mut r, IM, "im_");
    // The doc's read example (1047/37169): an account without attributes answers `Attrs: {}`.
    let v = r.ok(
        IM,
        "im_get_attr",
        r#"{"To_Account":["xiaojun012","abc","xiaojun013"]}"#,
    );
    assert_eq!(
        v["UserAttrs"],
        json!([
            {"To_Account": "xiaojun012", "Attrs": {"sex": "attr1", "city": "attr2"}},
            {"To_Account": "abc", "Attrs": {}},
            {"To_Account": "xiaojun013", "Attrs": {"city": "attr3", "sex": "attr4"}},
        ])
    );
    // The doc's removal example (1047/37171).
    r.ok(
        IM,
        "im_remove_attr",
        r#"{"UserAttrs":[{"To_Account":"xiaojun013","Attrs":["sex","city"]},{"To_Account":"xiaojun012","Attrs":["sex"]}]}"#,
    );
    let v = r.ok(
        IM,
        "im_get_attr",
        r#"{"To_Account":["xiaojun012","xiaojun013"]}"#,
    );
    assert_eq!(v["UserAttrs"][0]["Attrs"], json!({"city": "attr2"}));
    assert_eq!(v["UserAttrs"][1]["Attrs"], json!({}));
    let hundred_and_one: Vec<String> = (0..101).map(|i| format!("u{i}")).collect();
    let many = |key: &str| {
        let items: Vec<Value> = hundred_and_one
            .iter()
            .map(|u| json!({"To_Account": u, key: {"sex": "m"}}))
            .collect();
        json!({ "UserAttrs": items }).to_string()
    };
    for (cmd, body, code) in [
        (
            "im_set_attr",
            r#"{"UserAttrs":[{"To_Account":"zed","Attrs":{"age":"9"}}]}"#.to_owned(),
            90033,
        ),
        (
            "im_set_attr",
            format!(
                r#"{{"UserAttrs":[{{"To_Account":"zed","Attrs":{{"sex":"{}"}}}}]}}"#,
                "v".repeat(51)
            ),
            90033,
        ),
        (
            "im_set_attr",
            r#"{"UserAttrs":[{"To_Account":"zed","Attrs":{"sex":1}}]}"#.into(),
            90033,
        ),
        (
            "im_set_attr",
            r#"{"UserAttrs":[{"To_Account":"zed","Attrs":["sex"]}]}"#.into(),
            90001,
        ),
        (
            "im_set_attr",
            r#"{"UserAttrs":[{"Attrs":{"sex":"m"}}]}"#.into(),
            90001,
        ),
        ("im_set_attr", r#"{"UserAttrs":[]}"#.into(), 90001),
        ("im_set_attr", many("Attrs"), 90018),
        (
            "im_remove_attr",
            r#"{"UserAttrs":[{"To_Account":"zed","Attrs":["age"]}]}"#.into(),
            90033,
        ),
        (
            "im_remove_attr",
            r#"{"UserAttrs":[{"To_Account":"zed","Attrs":{"sex":"m"}}]}"#.into(),
            90001,
        ),
        ("im_get_attr", r#"{"To_Account":[]}"#.into(), 90001),
        (
            "im_get_attr",
            json!({ "To_Account": hundred_and_one }).to_string(),
            90018,
        ),
        (
            "im_get_attr",
            format!(r#"{{"To_Account":["{}"]}}"#, "x".repeat(33)),
            90001,
        ),
    ] {
        r.fails(IM, cmd, &body, code);
    }
    // A request with one bad item changed nothing.
    r.fails(
        IM,
        "im_set_attr",
        r#"{"UserAttrs":[{"To_Account":"zed","Attrs":{"sex":"f"}},{"To_Account":"zed","Attrs":{"age":"1"}}]}"#,
        90033,
    );
    let v = r.ok(IM, "im_get_attr", r#"{"To_Account":["zed"]}"#);
    assert_eq!(v["UserAttrs"][0]["Attrs"], json!({}));
}

#[test]
fn tags_add_read_remove_and_clear() {
    let mut r = rig();
    // The doc's examples (1047/37173, 37172, 37174, 37175).
    r.ok(
        IM,
        "im_add_tag",
        r#"{"UserTags":[{"To_Account":"xiaojun012","Tags":["a","b"]},{"To_Account":"xiaojun013","Tags":["a","b"]}]}"#,
    );
    r.ok(
        IM,
        "im_add_tag",
        r#"{"UserTags":[{"To_Account":"xiaojun013","Tags":["c","a"]}]}"#,
    );
    let get = |r: &mut Rig| {
        r.ok(
            IM,
            "im_get_tag",
            r#"{"To_Account":["xiaojun012","xiaojun013","zed"]}"#,
        )["UserTags"]
            .clone()
    };
    assert_eq!(
        get(&mut r),
        json!([
            {"To_Account": "xiaojun012", "Tags": ["a", "b"]},
            {"To_Account": "xiaojun013", "Tags": ["a", "b", "c"]},
            {"To_Account": "zed", "Tags": []},
        ])
    );
    r.ok(
        IM,
        "im_remove_tag",
        r#"{"UserTags":[{"To_Account":"xiaojun012","Tags":["a","zz"]},{"To_Account":"xiaojun013","Tags":["b"]}]}"#,
    );
    assert_eq!(get(&mut r)[0]["Tags"], json!(["b"]));
    assert_eq!(get(&mut r)[1]["Tags"], json!(["a", "c"]));
    r.ok(
        IM,
        "im_remove_all_tags",
        r#"{"To_Account":["xiaojun012","xiaojun013"]}"#,
    );
    assert_eq!(get(&mut r)[1]["Tags"], json!([]));

    let eleven: Vec<String> = (0..11).map(|i| format!("t{i}")).collect();
    for (body, code) in [
        (
            json!({"UserTags": [{"To_Account": "zed", "Tags": eleven}]}),
            90032,
        ),
        (
            json!({"UserTags": [{"To_Account": "zed", "Tags": [""]}]}),
            90040,
        ),
        (
            json!({"UserTags": [{"To_Account": "zed", "Tags": ["t".repeat(51)]}]}),
            90020,
        ),
        (
            json!({"UserTags": [{"To_Account": "zed", "Tags": [1]}]}),
            90001,
        ),
        (json!({"UserTags": [{"To_Account": "zed"}]}), 90001),
        (
            json!({"UserTags": [{"To_Account": "zed", "Tags": "a"}]}),
            90001,
        ),
    ] {
        r.fails(IM, "im_add_tag", &body.to_string(), code);
    }
    // 100 tags per user: the 101st is refused, and the whole request with it.
    for n in 0..10 {
        let tags: Vec<String> = (0..10).map(|i| format!("t{n}_{i}")).collect();
        let body = json!({"UserTags": [{"To_Account": "zed", "Tags": tags}]});
        r.ok(IM, "im_add_tag", &body.to_string());
    }
    r.fails(
        IM,
        "im_add_tag",
        r#"{"UserTags":[{"To_Account":"xiaoming","Tags":["x"]},{"To_Account":"zed","Tags":["one-more"]}]}"#,
        90032,
    );
    let v = r.ok(IM, "im_get_tag", r#"{"To_Account":["zed","xiaoming"]}"#);
    assert_eq!(v["UserTags"][0]["Tags"].as_array().unwrap().len(), 100);
    assert_eq!(v["UserTags"][1]["Tags"], json!([]));
}

fn text_push(extra: &str) -> String {
    format!(
        r#"{{"From_Account":"admin","MsgRandom":56512,"MsgLifeTime":120,{extra}"MsgBody":[{{"MsgType":"TIMTextElem","MsgContent":{{"Text":"hi, beauty"}}}}]}}"#
    )
}

#[test]
fn all_member_push_reaches_everyone_or_the_matching_users() {
    let mut r = rig();
    r.ok(
        IM,
        "im_set_attr_name",
        r#"{"AttrNames":{"0":"Membership Level","1":"city"}}"#,
    );
    r.ok(
        IM,
        "im_set_attr",
        r#"{"UserAttrs":[{"To_Account":"xiaojun012","Attrs":{"Membership Level":"Platinum Premier members","city":"Shenzhen"}},
            {"To_Account":"xiaojun013","Attrs":{"Membership Level":"Platinum Premier members","city":"Beijing"}}]}"#,
    );
    r.ok(
        IM,
        "im_add_tag",
        r#"{"UserTags":[{"To_Account":"xiaojun012","Tags":["Stock A","Stock B"]},{"To_Account":"xiaoming","Tags":["Stock B"]}]}"#,
    );
    // The doc's push-to-everyone example (1047/37166): every imported account.
    let v = r.ok(IM, "im_push", &text_push(""));
    let task = v["TaskId"].as_str().unwrap().to_owned();
    assert_eq!(task, format!("{APP}_1_{NOW}_56512"));
    let p = last_push(&r);
    assert_eq!(p["TaskId"], task.as_str());
    assert_eq!(
        (p["service"].as_str(), p["command"].as_str()),
        (Some(IM), Some("push"))
    );
    assert_eq!(p["time"], NOW);
    assert_eq!(p["body"]["MsgBody"][0]["MsgContent"]["Text"], "hi, beauty");
    assert_eq!(
        recipients(&p),
        ["xiaojun012", "xiaojun013", "xiaoming", "zed"]
    );
    assert_eq!(p["recipientCount"], 4);
    assert_eq!(p["revoked"], Value::Null);
    // The doc's tag and attribute examples, each a second later (a MsgRandom repeated within a
    // second is the same task).
    for (n, cond, want) in [
        (
            1,
            r#""Condition":{"TagsAnd":["Stock A","Stock B"]},"#,
            vec!["xiaojun012"],
        ),
        (
            2,
            r#""Condition":{"TagsOr":["Stock A","Stock B"]},"#,
            vec!["xiaojun012", "xiaoming"],
        ),
        (
            3,
            r#""Condition":{"AttrsAnd":{"Membership Level":"Platinum Premier members","city":"Shenzhen"}},"#,
            vec!["xiaojun012"],
        ),
        (
            4,
            r#""Condition":{"AttrsOr":{"city":"Shenzhen","Membership Level":"Platinum Premier members"}},"#,
            vec!["xiaojun012", "xiaojun013"],
        ),
        (5, r#""Condition":{"TagsAnd":["nobody"]},"#, vec![]),
        (
            6,
            r#""Condition":{},"#,
            vec!["xiaojun012", "xiaojun013", "xiaoming", "zed"],
        ),
    ] {
        r.now = NOW + n;
        r.ok(IM, "im_push", &text_push(cond));
        assert_eq!(recipients(&last_push(&r)), want, "{cond}");
    }
    assert_eq!(pushes(&r).len(), 7);
}

#[test]
fn push_bodies_and_conditions_get_the_documented_codes() {
    let mut r = rig();
    r.ok(IM, "im_set_attr_name", r#"{"AttrNames":{"0":"city"}}"#);
    let eleven: Vec<String> = (0..11).map(|i| format!("t{i}")).collect();
    let eleven = serde_json::to_string(&eleven).unwrap();
    let long = "t".repeat(51);
    for (body, code) in [
        (
            text_push(r#""Condition":{"TagsAnd":["a"],"AttrsOr":{"city":"x"}},"#),
            90039,
        ),
        (
            text_push(r#""Condition":{"TagsAnd":["a"],"TagsOr":["b","a"]},"#),
            90022,
        ),
        (
            text_push(&format!(r#""Condition":{{"TagsOr":{eleven}}},"#)),
            90032,
        ),
        (text_push(r#""Condition":{"TagsOr":[""]},"#), 90040),
        (
            text_push(&format!(r#""Condition":{{"TagsOr":["{long}"]}},"#)),
            90020,
        ),
        (
            text_push(r#""Condition":{"AttrsAnd":{"country":"x"}},"#),
            90033,
        ),
        (text_push(r#""Condition":{"AttrsAnd":{"city":1}},"#), 90033),
        // An unread member would widen the push: refused (TagsNot is the Push service's).
        (text_push(r#""Condition":{"TagsNot":["a"]},"#), 90001),
        (text_push(r#""Condition":["a"],"#), 90001),
        (text_push(r#""Condition":{"TagsAnd":[]},"#), 90001),
        (text_push(r#""Condition":{"AttrsOr":{}},"#), 90001),
        (
            text_push(r#""MsgLifeTime":604801,"#).replacen(r#""MsgLifeTime":120,"#, "", 1),
            90026,
        ),
        (text_push("").replace("56512", "-1"), 90005),
        (text_push("").replace("56512", "\"1\""), 90005),
        (text_push("").replace(r#""MsgRandom":56512,"#, ""), 90005),
        (
            text_push("").replace(
                r#""MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi, beauty"}}]"#,
                r#""MsgBody":{}"#,
            ),
            90007,
        ),
        (text_push("").replace("TIMTextElem", "TIMNoSuchElem"), 90002),
        (text_push(r#""OfflinePushInfo":"x","#), 90001),
        (text_push("").replace(r#""admin""#, "7"), 90001),
    ] {
        r.fails(IM, "im_push", &body, code);
    }
    assert!(pushes(&r).is_empty(), "a refused push is not recorded");
    // A MsgLifeTime of 0 (online users only) and the maximum are fine.
    r.ok(IM, "im_push", &text_push("").replace("120", "0"));
    r.now += 1;
    r.ok(IM, "im_push", &text_push("").replace("120", "604800"));
}

fn offline(extra: &str) -> String {
    format!(
        r#"{{"From_Account":"administrator","MsgRandom":3674128,{extra}"OfflinePushInfo":{{"PushFlag":0,"Title":"Offline Push Title","Desc":"Offline Push Content"}}}}"#
    )
}

#[test]
fn push_service_pushes_batches_and_revokes() {
    let mut r = rig();
    r.ok(
        TP,
        "add_tag",
        r#"{"UserTags":[{"To_Account":"xiaojun012","Tags":["Stock A","Stock C","Stock D"]},
            {"To_Account":"xiaojun013","Tags":["stock B","Stock C"]},{"To_Account":"zed","Tags":["Stock A"]}]}"#,
    );
    // The Push service's own form (1047/60561): OfflinePushInfo only, to everyone.
    let v = r.ok(TP, "push", &offline(""));
    let all = v["TaskId"].as_str().unwrap().to_owned();
    assert_eq!(all, format!("{NOW:x}_{APP:x}_1_{:x}", 3_674_128));
    assert_eq!(recipients(&last_push(&r)).len(), 4);
    // The same MsgRandom within the second is the same task; a second later it is a new one.
    assert_eq!(r.ok(TP, "push", &offline(""))["TaskId"], all.as_str());
    assert_eq!(pushes(&r).len(), 1);
    r.now += 1;
    // The doc's TagsNot example: ("Stock A" or "stock B") and not ("Stock C" and "Stock D").
    let v = r.ok(
        TP,
        "push",
        &offline(
            r#""Condition":{"TagsOr":["Stock A","stock B"],"TagsNot":["Stock C","Stock D"]},"#,
        ),
    );
    assert_ne!(v["TaskId"], all.as_str());
    assert_eq!(recipients(&last_push(&r)), ["xiaojun013", "zed"]);
    // The Chat docs' form: a MsgBody (OfflinePushInfo optional), OnlineOnlyFlag, DataId.
    r.ok(
        TP,
        "push",
        r#"{"From_Account":"administrator","MsgRandom":5,"OnlineOnlyFlag":1,"DataId":"d1","MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}]}"#,
    );
    // The batch example (1047/67553); a repeated account is pushed once, one the service does
    // not know is listed in ErrorList (70107).
    let v = r.ok(
        TP,
        "batch",
        r#"{"From_Account":"administrator","To_Account":["xiaoming","zed","xiaoming","user1"],"MsgRandom":3674128,"OfflinePushInfo":{"PushFlag":0,"Title":"t","Desc":"d"}}"#,
    );
    let batch = v["TaskId"].as_str().unwrap().to_owned();
    assert!(batch.starts_with("batch_"), "{batch}");
    assert_eq!(
        v["ErrorList"],
        json!([{"To_Account": "user1", "ErrorCode": 70107, "ErrorInfo": "account not imported"}])
    );
    let p = last_push(&r);
    assert_eq!(
        (recipients(&p), p["recipientCount"].as_u64()),
        (vec!["xiaoming", "zed"], Some(2))
    );

    // Revoke (1047/60571): once, within 24 hours, Push-service tasks only.
    let revoke = |id: &str| {
        format!(
            r#"{{"TaskId":"{id}","OfflinePushInfo":{{"Title":"Recalled","Desc":"never mind"}}}}"#
        )
    };
    r.ok(TP, "revoke", &revoke(&all));
    let p = pushes(&r)
        .into_iter()
        .find(|p| p["TaskId"] == all.as_str())
        .unwrap();
    assert_eq!(p["revoked"]["time"], r.now);
    assert_eq!(p["revoked"]["OfflinePushInfo"]["Title"], "Recalled");
    r.fails(TP, "revoke", &revoke(&all), 90050);
    r.fails(TP, "revoke", &revoke("no-such-task"), 90049);
    r.fails(TP, "revoke", &format!(r#"{{"TaskId":"{all}"}}"#), 90001);
    r.now += 86_400;
    r.ok(TP, "revoke", &revoke(&batch)); // exactly 24 hours: still in time
    r.now += 1;
    let late = r.ok(TP, "push", &offline("").replace("3674128", "9"))["TaskId"]
        .as_str()
        .unwrap()
        .to_owned();
    r.now += 86_401;
    r.fails(TP, "revoke", &revoke(&late), 90052);
    // An all-member push is not the Push service's to revoke.
    let im = r.ok(IM, "im_push", &text_push(""))["TaskId"]
        .as_str()
        .unwrap()
        .to_owned();
    r.fails(TP, "revoke", &revoke(&im), 90049);
}

#[test]
fn push_service_requests_get_the_documented_codes_and_an_empty_task_id() {
    let mut r = rig();
    let many: Vec<String> = (0..501).map(|i| format!("u{i}")).collect();
    for (cmd, body, code) in [
        (
            "push",
            offline("").replace(r#""From_Account":"administrator","#, ""),
            90001,
        ),
        (
            "push",
            offline("").replace(r#""MsgRandom":3674128,"#, ""),
            90005,
        ),
        (
            "push",
            r#"{"From_Account":"a","MsgRandom":1}"#.into(),
            90001,
        ),
        ("push", offline(r#""OnlineOnlyFlag":1,"#), 90001),
        (
            "push",
            offline(&format!(r#""DataId":"{}","#, "d".repeat(65))),
            90001,
        ),
        (
            "push",
            offline(r#""Condition":{"TagsNot":["a"],"AttrsOr":{}},"#),
            90039,
        ),
        (
            "push",
            offline("").replace("administrator", &"r".repeat(129)),
            90001,
        ),
        ("batch", offline(r#""To_Account":[],"#), 90001),
        (
            "batch",
            offline(&format!(
                r#""To_Account":{},"#,
                serde_json::to_string(&many).unwrap()
            )),
            90018,
        ),
        (
            "batch",
            r#"{"From_Account":"a","To_Account":["b"],"MsgRandom":1}"#.into(),
            90001,
        ),
        (
            "batch",
            offline(r#""To_Account":["b"],"#).replace("3674128", "4294967296"),
            90005,
        ),
    ] {
        let v = r.fails(TP, cmd, &body, code);
        assert_eq!(v["TaskId"], "", "{cmd} {body}");
    }
    // 500 accounts are fine, and a 128-byte RegistrationID.
    let five_hundred = serde_json::to_string(&many[..500]).unwrap();
    r.ok(
        TP,
        "batch",
        &offline(&format!(r#""To_Account":{five_hundred},"#)),
    );
    r.ok(
        TP,
        "batch",
        &offline(&format!(r#""To_Account":["{}"],"#, "r".repeat(128))).replace("3674128", "2"),
    );
}

#[test]
fn push_service_attribute_types_are_fixed_once_set() {
    let mut r = rig();
    r.ok(
        TP,
        "set_attr_name",
        r#"{"AttrNames":{"0":"sex","1":"city"},"AttrTypes":{"0":0,"1":1}}"#,
    );
    let v = r.ok(TP, "get_attr_name", "{}");
    assert_eq!(v["AttrNames"], json!({"0": "sex", "1": "city"}));
    assert_eq!(v["AttrTypes"], json!({"0": 0, "1": 1}));
    r.ok(
        TP,
        "set_attr_name",
        r#"{"AttrNames":{"0":"gender"},"AttrTypes":{"0":0}}"#,
    );
    for body in [
        r#"{"AttrNames":{"1":"town"},"AttrTypes":{"1":0}}"#,
        r#"{"AttrNames":{"2":"x"},"AttrTypes":{"2":2}}"#,
        r#"{"AttrNames":{"2":"x"},"AttrTypes":{"3":0}}"#,
    ] {
        r.fails(TP, "set_attr_name", body, 90033);
    }
    assert_eq!(
        r.ok(TP, "get_attr_name", "{}")["AttrTypes"],
        json!({"0": 0, "1": 1})
    );
    // The all-member push service answers without AttrTypes and keeps its own names.
    let v = r.ok(IM, "im_get_attr_name", "{}");
    assert_eq!(
        v,
        json!({"ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": "", "AttrNames": {}})
    );
    // Attributes and removal as in all_member_push.
    r.ok(
        TP,
        "set_attr",
        r#"{"UserAttrs":[{"To_Account":"zed","Attrs":{"gender":"f","city":"x"}}]}"#,
    );
    r.ok(
        TP,
        "remove_attr",
        r#"{"UserAttrs":[{"To_Account":"zed","Attrs":["city"]}]}"#,
    );
    let v = r.ok(TP, "get_attr", r#"{"To_Account":["zed"]}"#);
    assert_eq!(v["UserAttrs"][0]["Attrs"], json!({"gender": "f"}));
    assert!(v.get("ErrorList").is_none());
}

#[test]
fn the_two_services_keep_separate_tags_and_the_push_service_caps_an_app_at_1000_tags() {
    let mut r = rig();
    r.ok(
        IM,
        "im_add_tag",
        r#"{"UserTags":[{"To_Account":"zed","Tags":["a"]}]}"#,
    );
    let v = r.ok(
        TP,
        "add_tag",
        r#"{"UserTags":[{"To_Account":"zed","Tags":["b"]}]}"#,
    );
    assert_eq!(v["ErrorCode"], 0);
    assert_eq!(
        r.ok(IM, "im_get_tag", r#"{"To_Account":["zed"]}"#)["UserTags"][0]["Tags"],
        json!(["a"])
    );
    // 999 more distinct tags (1000 in all) fit; the next one does not.
    for n in 0..100 {
        let account = format!(r#"{{"UserID":"u{n}"}}"#);
        r.ok("im_open_login_svc", "account_import", &account);
        let items: Vec<Value> = (0..10)
            .map(|i| json!({"To_Account": format!("u{n}"), "Tags": [format!("tag{}", n * 10 + i)]}))
            .filter(|it| it["Tags"][0] != "tag999")
            .collect();
        r.ok(TP, "add_tag", &json!({ "UserTags": items }).to_string());
    }
    r.fails(
        TP,
        "add_tag",
        r#"{"UserTags":[{"To_Account":"zed","Tags":["tag1000"]}]}"#,
        90032,
    );
    // A tag someone already holds is not a new one.
    r.ok(
        TP,
        "add_tag",
        r#"{"UserTags":[{"To_Account":"zed","Tags":["tag0"]}]}"#,
    );
    r.ok(TP, "clear_all_tags", r#"{"To_Account":["u0"]}"#);
    r.ok(
        TP,
        "add_tag",
        r#"{"UserTags":[{"To_Account":"zed","Tags":["tag1000"]}]}"#,
    );
    let v = r.ok(TP, "get_attr", r#"{"To_Account":["zed"]}"#);
    assert_eq!(v["UserAttrs"][0]["Attrs"], json!({}));
}

/// One request straight into the emulator.
fn handle(
    r: &mut Rig,
    svc: &str,
    cmd: &str,
    body: &str,
) -> (Value, Vec<crate::emulator::Callback>) {
    reply(r.handle(svc, cmd, body, None))
}

#[test]
fn push_service_sends_report_each_recipient_in_callbacks_of_100() {
    let mut r = rig();
    r.emu.set_callbacks(true);
    let to: Vec<String> = (0..250).map(|i| format!("u{i:03}")).collect();
    for chunk in to.chunks(100) {
        let accounts = json!({ "Accounts": chunk }).to_string();
        r.ok("im_open_login_svc", "multiaccount_import", &accounts);
    }
    let body = offline(&format!(
        r#""To_Account":{},"#,
        serde_json::to_string(&to).unwrap()
    ));
    let (v, after) = handle(&mut r, TP, "batch", &body);
    let task = v["TaskId"].as_str().unwrap();
    assert_eq!(after.len(), 3);
    let sizes: Vec<usize> = after
        .iter()
        .map(|cb| cb.body["Events"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [100, 100, 50]);
    let first = &after[0].body["Events"][0];
    assert_eq!(after[0].command, "Push.AllMemberPush");
    // Batched as Tencent's: the command is in the URL and in each event, not at the top.
    assert_eq!(after[0].body.as_object().unwrap().len(), 1);
    assert_eq!(
        *first,
        json!({"CallbackCommand": "Push.AllMemberPush", "EventType": 2, "TaskId": task,
            "TaskTime": NOW, "EventTime": NOW, "To_Account": "u000", "PushPlatform": 0,
            "PushStage": 1, "ErrCode": 0, "ErrInfo": "OK"})
    );
    assert_eq!(after[2].body["Events"][49]["To_Account"], "u249");
    // An all-member push has no callback of its own; a failed push reports nothing.
    let (_, after) = handle(&mut r, IM, "im_push", &text_push(""));
    assert!(after.is_empty());
    let (v, after) = handle(&mut r, TP, "push", r#"{"From_Account":"a","MsgRandom":1}"#);
    assert_eq!((v["ErrorCode"].as_i64(), after.len()), (Some(90001), 0));
    // An everyone-push to the 254 accounts: three callbacks.
    let (_, after) = handle(&mut r, TP, "push", &offline(""));
    assert_eq!(after.len(), 3);
    assert_eq!(after[2].body["Events"].as_array().unwrap().len(), 54);
}

#[test]
fn pushes_survive_a_snapshot_and_the_oldest_go_past_1000() {
    let mut r = rig();
    r.ok(
        TP,
        "add_tag",
        r#"{"UserTags":[{"To_Account":"zed","Tags":["a"]}]}"#,
    );
    r.ok(
        TP,
        "set_attr_name",
        r#"{"AttrNames":{"4":"x"},"AttrTypes":{"4":1}}"#,
    );
    let id = r.ok(TP, "push", &offline(""))["TaskId"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, mut other) = r.snapshot_round_trip();
    assert_eq!(other.emu.inspect(), r.emu.inspect());
    other.ok(
        TP,
        "revoke",
        &format!(r#"{{"TaskId":"{id}","OfflinePushInfo":{{}}}}"#),
    );
    assert_eq!(
        other.ok(TP, "get_attr_name", "{}")["AttrTypes"],
        json!({"4": 1})
    );
    for bad in [
        r#"{"version":1,"push":{"Tasks":{}}}"#,
        r#"{"version":1,"push":{"TimPush":{"AttrNames":{"10":"x"}}}}"#,
        r#"{"version":1,"push":{"TimPush":{"AttrNames":{"1":"x"},"AttrTypes":{"1":2}}}}"#,
        r#"{"version":1,"push":{"AllMemberPush":{"UserAttrs":{"u":{"3":"v"}}}}}"#,
        r#"{"version":1,"push":{"AllMemberPush":{"UserTags":{"u":[""]}}}}"#,
        r#"{"version":1,"push":{"Tasks":[{"TaskId":"a","service":"timpush","command":"push","body":[],"time":1,"recipients":[],"recipientCount":0,"revoked":null}]}}"#,
    ] {
        let e = other.emu.restore(bad).unwrap_err();
        assert!(e.0.contains("push"), "{}", e.0);
    }
    // Tasks are bounded: after 1000 more pushes the first one is gone.
    for n in 0..1000u64 {
        r.now = NOW + 10 + n;
        r.ok(IM, "im_push", &text_push(""));
    }
    let all = pushes(&r);
    assert_eq!(all.len(), 1000);
    assert!(all.iter().all(|p| p["TaskId"] != id.as_str()));
    r.fails(
        TP,
        "revoke",
        &format!(r#"{{"TaskId":"{id}","OfflinePushInfo":{{}}}}"#),
        90049,
    );
}

#[test]
fn every_push_route_refuses_an_empty_body_with_a_push_code() {
    let mut r = rig();
    let routes: Vec<&str> = crate::emulator::routes::all()
        .filter(|rt| rt.service == IM || rt.service == TP)
        .map(|rt| rt.command)
        .collect();
    // The catalog's 20, and the Push service's get_tag and remove_tag (issue 13).
    assert_eq!(routes.len(), 22);
    for rt in crate::emulator::routes::all().filter(|rt| rt.service == IM || rt.service == TP) {
        let v = r.call(rt.service, rt.command, "{}");
        let code = code(&v);
        if rt.command.contains("get_attr_name") {
            assert_eq!(code, 0, "{}", rt.command);
        } else {
            assert!([90001, 90005].contains(&code), "{} {v}", rt.command);
        }
    }
}

#[test]
fn the_push_service_lists_unknown_accounts_in_error_list() {
    let mut r = Rig::new();
    r.ok(
        "im_open_login_svc",
        "multiaccount_import",
        r#"{"Accounts":["xiaoming","xiaohong"]}"#,
    );
    r.ok(TP, "set_attr_name", r#"{"AttrNames":{"0":"level"}}"#);
    let unknown = |id: &str| json!([{"To_Account": id, "ErrorCode": 70107, "ErrorInfo": "account not imported"}]);
    let v = r.ok(
        TP,
        "add_tag",
        r#"{"UserTags":[{"To_Account":"xiaoming","Tags":["GoldMember","WeekPassUser"]},
            {"To_Account":"xiaohong","Tags":["PlatinumMember","MonthPassUser"]},{"To_Account":"Mary","Tags":["x"]}]}"#,
    );
    assert_eq!(v["ErrorList"], unknown("Mary"));
    // The get_tag example of doc 1047/60567: Mary does not exist.
    let v = r.ok(
        TP,
        "get_tag",
        r#"{"To_Account":["xiaoming","xiaohong","Mary"]}"#,
    );
    assert_eq!(
        v["UserTags"],
        json!([
            {"To_Account": "xiaoming", "Tags": ["GoldMember", "WeekPassUser"]},
            {"To_Account": "xiaohong", "Tags": ["PlatinumMember", "MonthPassUser"]},
        ])
    );
    assert_eq!(v["ErrorList"], unknown("Mary"));
    let v = r.ok(
        TP,
        "remove_tag",
        r#"{"UserTags":[{"To_Account":"xiaoming","Tags":["WeekPassUser"]},{"To_Account":"Mary","Tags":["x"]},{"To_Account":"Mary","Tags":["y"]}]}"#,
    );
    assert_eq!(v["ErrorList"], unknown("Mary"), "each account once");
    let v = r.ok(TP, "get_tag", r#"{"To_Account":["xiaoming"]}"#);
    assert_eq!(v["UserTags"][0]["Tags"], json!(["GoldMember"]));
    assert!(v.get("ErrorList").is_none());
    for (cmd, body) in [
        (
            "set_attr",
            r#"{"UserAttrs":[{"To_Account":"Mary","Attrs":{"level":"1"}}]}"#,
        ),
        (
            "remove_attr",
            r#"{"UserAttrs":[{"To_Account":"Mary","Attrs":["level"]}]}"#,
        ),
        ("get_attr", r#"{"To_Account":["Mary"]}"#),
        ("clear_all_tags", r#"{"To_Account":["Mary"]}"#),
    ] {
        let v = r.ok(TP, cmd, body);
        assert_eq!(v["ErrorList"], unknown("Mary"), "{cmd}");
    }
    // The request checks still come first: an unnamed attribute fails the whole request.
    r.fails(
        TP,
        "set_attr",
        r#"{"UserAttrs":[{"To_Account":"Mary","Attrs":{"age":"1"}}]}"#,
        90033,
    );
    // All-member push takes any UserID.
    let v = r.ok(
        IM,
        "im_add_tag",
        r#"{"UserTags":[{"To_Account":"Mary","Tags":["x"]}]}"#,
    );
    assert!(v.get("ErrorList").is_none());
}

/// The documented examples of `service` (data/doc-examples.json, harvested from Tencent's pages):
/// `(id, kind, body)` in id order.
pub(super) fn doc_examples(service: &str) -> Vec<(String, String, Value)> {
    const DATA: &str = include_str!("../../../data/doc-examples.json");
    let data: Value = serde_json::from_str(DATA).unwrap();
    let mut out: Vec<(String, String, Value)> = data["examples"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["servicename"] == service)
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap().to_owned();
            (s("id"), s("kind"), e["body"].clone())
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Runs every documented request of `service` through `r`: each answers ErrorCode 0 unless
/// `expected` names its id with a documented code. Then every documented successful answer's
/// members (but ErrorList, which depends on the accounts) appear in the emulator's answers to
/// the same command. Returns how many requests ran.
pub(super) fn run_doc_examples(r: &mut Rig, service: &str, expected: &[(&str, i64)]) -> usize {
    let examples = doc_examples(service);
    let mut members: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    let mut ran = 0;
    for (id, kind, body) in examples.iter().filter(|e| e.1 == "request") {
        let command = id.split_once('/').unwrap().1.split('#').next().unwrap();
        let v = r.call(service, command, &body.to_string());
        let want = expected
            .iter()
            .find(|(e, _)| e == id)
            .map_or(0, |(_, c)| *c);
        assert_eq!(code(&v), want, "{id} ({kind}): {body} -> {v}");
        let keys = v.as_object().unwrap().keys().cloned();
        members.entry(command.to_owned()).or_default().extend(keys);
        ran += 1;
    }
    for (id, _, body) in examples.iter().filter(|e| e.1 == "answer") {
        if body["ErrorCode"] != 0 {
            continue;
        }
        let command = id.split_once('/').unwrap().1.split('#').next().unwrap();
        let ours = members.get(command).cloned().unwrap_or_default();
        for k in body
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| *k != "ErrorList")
        {
            assert!(ours.contains(k), "{id}: the emulator never answers {k}");
        }
    }
    ran
}

#[test]
fn tencents_documented_requests_run_as_documented() {
    let mut r = Rig::new();
    r.ok(
        "im_open_login_svc",
        "multiaccount_import",
        r#"{"Accounts":["xiaojun012","xiaojun013","xiaoming","xiaohong","xiaohua",
            "Zhang Xiaohong","Chen Xiaoming","张小红","陈小明"]}"#,
    );
    // The names the examples' attributes and conditions use (the requests run in id order, so
    // the set_attr_name example comes after the pushes that need its names).
    r.ok(
        IM,
        "im_set_attr_name",
        r#"{"AttrNames":{"0":"sex","1":"city","2":"country","3":"Membership Level","4":"会员等级"}}"#,
    );
    r.ok(
        TP,
        "set_attr_name",
        r#"{"AttrNames":{"0":"sex","1":"city","2":"country","3":"Membership Level"},"AttrTypes":{"3":0}}"#,
    );
    let ran = run_doc_examples(&mut r, IM, &[]);
    assert_eq!(ran, 23);
    // The revoke example names a task of Tencent's: unknown here (90049).
    let ran = run_doc_examples(&mut r, TP, &[("timpush/revoke#request-1", 90049)]);
    assert_eq!(ran, 17);
    // The set_attr_name failure example's message, for a name given twice.
    let v = r.fails(TP, "set_attr_name", r#"{"AttrNames":{"5":"city"}}"#, 90033);
    assert_eq!(v["ErrorInfo"], "attrName:city already exists at index:1");
    // The add_tag example with Replace 1: xiaoming's tags are exactly the given ones.
    r.ok(
        TP,
        "add_tag",
        r#"{"UserTags":[{"To_Account":"xiaoming","Tags":["x"]}]}"#,
    );
    r.ok(
        TP,
        "add_tag",
        r#"{"Replace":1,"UserTags":[{"To_Account":"xiaoming","Tags":["GoldMember"]}]}"#,
    );
    let v = r.ok(TP, "get_tag", r#"{"To_Account":["xiaoming"]}"#);
    assert_eq!(v["UserTags"][0]["Tags"], json!(["GoldMember"]));
    r.fails(
        IM,
        "im_add_tag",
        r#"{"Replace":1,"UserTags":[{"To_Account":"xiaoming","Tags":["a"]}]}"#,
        90001,
    );
}
