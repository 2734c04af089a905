//! Group attributes (lower-case `{key, value}`) and counters (`{Key, Value}`), against the
//! requests and answers of Tencent's pages (群自定义属性, 群计数器): their limits and codes 10045,
//! 10046, 10047, 10048, 10063, and 10007 for Community groups where the type tables say No.

use super::groups_kit::*;
use super::support::*;
use serde_json::{json, Value};

const ATTR: &str = "group_open_attr_http_svc";

fn attrs(r: &mut Rig, gid: &str) -> Value {
    r.ok(ATTR, "get_group_attr", &format!(r#"{{"GroupId":"{gid}"}}"#))["GroupAttrAry"].clone()
}

fn attr_body(gid: &str, items: &[(&str, &str)]) -> String {
    let list: Vec<Value> = items
        .iter()
        .map(|(k, v)| json!({ "key": k, "value": v }))
        .collect();
    json!({ "GroupId": gid, "GroupAttr": list }).to_string()
}

#[test]
fn attributes_modify_set_clear_as_the_docs_show() {
    let mut r = rig();
    let gid = public(&mut r);
    assert_eq!(attrs(&mut r, &gid), json!([]));
    // The doc's modify example (its full-width comma between the items made valid JSON).
    r.ok(
        SVC,
        "modify_group_attr",
        &format!(
            r#"{{"GroupId":"{gid}","GroupAttr":[{{"key":"attr_key","value":"attr_val"}},{{"key":"attr_key1","value":"attr_val1"}}]}}"#
        ),
    );
    // The doc's get answer: {key, value} items.
    assert_eq!(
        attrs(&mut r, &gid),
        json!([{"key":"attr_key","value":"attr_val"},{"key":"attr_key1","value":"attr_val1"}])
    );
    // modify replaces the given keys and keeps the others, in first-set order.
    r.ok(
        SVC,
        "modify_group_attr",
        &attr_body(&gid, &[("attr_key", "new"), ("k3", "v3")]),
    );
    assert_eq!(
        attrs(&mut r, &gid),
        json!([{"key":"attr_key","value":"new"},{"key":"attr_key1","value":"attr_val1"},{"key":"k3","value":"v3"}])
    );
    // set replaces the whole set.
    r.ok(SVC, "set_group_attr", &attr_body(&gid, &[("only", "1")]));
    assert_eq!(attrs(&mut r, &gid), json!([{"key":"only","value":"1"}]));
    r.ok(SVC, "set_group_attr", &attr_body(&gid, &[]));
    assert_eq!(attrs(&mut r, &gid), json!([]));
    r.ok(SVC, "modify_group_attr", &attr_body(&gid, &[("a", "b")]));
    r.ok(
        SVC,
        "clear_group_attr",
        &format!(r#"{{"GroupId":"{gid}"}}"#),
    );
    assert_eq!(attrs(&mut r, &gid), json!([]));
}

#[test]
fn attribute_limits_have_their_own_codes_and_change_nothing() {
    let mut r = rig();
    let gid = public(&mut r);
    r.ok(
        SVC,
        "modify_group_attr",
        &attr_body(&gid, &[("keep", "me")]),
    );
    let key33 = "k".repeat(33);
    let value4001 = "v".repeat(4001);
    let value4000 = "v".repeat(4000);
    let seventeen: Vec<(String, String)> = (0..17).map(|i| (format!("k{i}"), "v".into())).collect();
    let seventeen: Vec<(&str, &str)> = seventeen
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let big: Vec<(String, String)> = (0..4)
        .map(|i| (format!("b{i}"), value4000.clone()))
        .collect();
    let big: Vec<(&str, &str)> = big.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let cases: Vec<(String, i64)> = vec![
        (attr_body(&gid, &[(&key33, "v")]), 10045),
        (attr_body(&gid, &[("k", &value4001)]), 10046),
        (attr_body(&gid, &seventeen), 10047),
        // 4 x 4000 bytes plus the kept "me" is over 16000 bytes of values.
        (attr_body(&gid, &big), 10048),
        (attr_body(&gid, &[("", "v")]), 10004),
        (attr_body(&gid, &[("d", "1"), ("d", "2")]), 10004),
        (attr_body(&gid, &[]), 10004),
        (
            json!({"GroupId": gid, "GroupAttr": [{"key": "k"}]}).to_string(),
            10004,
        ),
        (
            json!({"GroupId": gid, "GroupAttr": [{"Key": "k", "Value": "v"}]}).to_string(),
            10004,
        ),
        (attr_body("@TGS#nothere", &[("k", "v")]), 10010),
    ];
    for (body, code) in &cases {
        r.fails(SVC, "modify_group_attr", body, *code);
    }
    // 16 keys fit; a 17th across two calls does not.
    let sixteen: Vec<(String, String)> = (0..15).map(|i| (format!("s{i}"), "v".into())).collect();
    let sixteen: Vec<(&str, &str)> = sixteen
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    r.ok(SVC, "modify_group_attr", &attr_body(&gid, &sixteen));
    r.fails(
        SVC,
        "modify_group_attr",
        &attr_body(&gid, &[("one-more", "v")]),
        10047,
    );
    assert_eq!(attrs(&mut r, &gid).as_array().unwrap().len(), 16);
    // set has the same limits (set replaces, so 4 x 4000 alone would be exactly 16000: allowed).
    r.ok(SVC, "set_group_attr", &attr_body(&gid, &big));
    let five: Vec<(String, String)> = (0..5)
        .map(|i| (format!("f{i}"), value4000.clone()))
        .collect();
    let five: Vec<(&str, &str)> = five.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    r.fails(SVC, "set_group_attr", &attr_body(&gid, &five), 10048);
    assert_eq!(attrs(&mut r, &gid).as_array().unwrap().len(), 4);
}

#[test]
fn attributes_work_in_every_type_but_clearing_a_community_group() {
    let mut r = rig();
    for body in [
        r#"{"Type":"Private","Name":"p"}"#,
        r#"{"Type":"ChatRoom","Name":"c"}"#,
        r#"{"Type":"AVChatRoom","Name":"a"}"#,
        r#"{"Type":"Community","Name":"m"}"#,
    ] {
        let gid = create(&mut r, body);
        r.ok(SVC, "modify_group_attr", &attr_body(&gid, &[("k", "v")]));
        assert_eq!(attrs(&mut r, &gid), json!([{"key":"k","value":"v"}]));
        let clear = format!(r#"{{"GroupId":"{gid}"}}"#);
        if body.contains("Community") {
            r.fails(SVC, "clear_group_attr", &clear, 10007);
        } else {
            r.ok(SVC, "clear_group_attr", &clear);
        }
    }
    r.fails(ATTR, "get_group_attr", r#"{"GroupId":"@TGS#none"}"#, 10010);
}

#[test]
fn attribute_changes_send_the_documented_callback() {
    let mut r = rig();
    let gid = public(&mut r);
    let (v, after) = r.with_callbacks(SVC, "modify_group_attr", &attr_body(&gid, &[("k", "v")]));
    assert_eq!(code(&v), 0);
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].command, "Group.CallbackAfterGroupAttrChanged");
    let b = &after[0].body;
    assert_eq!(b["OptionType"], "modify");
    assert_eq!(b["Type"], "Public");
    assert_eq!(b["GroupId"], gid.as_str());
    assert_eq!(b["Operator_Account"], ADMIN);
    assert_eq!(b["GroupAttr"], json!([{"key":"k","value":"v"}]));
    assert_eq!(b["EventTime"], NOW * 1000);
    let (_, after) = r.with_callbacks(SVC, "set_group_attr", &attr_body(&gid, &[("x", "y")]));
    assert_eq!(after[0].body["OptionType"], "set");
    assert_eq!(after[0].body["GroupAttr"], json!([{"key":"x","value":"y"}]));
    let (_, after) = r.with_callbacks(
        SVC,
        "clear_group_attr",
        &format!(r#"{{"GroupId":"{gid}"}}"#),
    );
    assert_eq!(after[0].body["OptionType"], "clear");
    // A refused change sends nothing.
    let (v, after) = r.with_callbacks(SVC, "modify_group_attr", &attr_body(&gid, &[("", "v")]));
    assert_eq!(code(&v), 10004);
    assert!(after.is_empty());
}

fn counters(r: &mut Rig, gid: &str, keys: &str) -> Value {
    r.ok(
        SVC,
        "get_group_counter",
        &format!(r#"{{"GroupId":"{gid}"{keys}}}"#),
    )["GroupCounter"]
        .clone()
}

#[test]
fn counters_set_increase_decrease_as_the_docs_show() {
    let mut r = rig();
    let gid = public(&mut r);
    // The doc's update example (its full-width comma and missing brace made valid JSON) and the
    // answer it documents.
    let v = r.ok(
        SVC,
        "update_group_counter",
        &format!(
            r#"{{"GroupId":"{gid}","GroupCounter":[{{"Key":"like","Value":5}},{{"Key":"unlike","Value":1}}],"Mode":"Set"}}"#
        ),
    );
    assert_eq!(
        v["GroupCounter"],
        json!([{"Key":"like","Value":5},{"Key":"unlike","Value":1}])
    );
    // The doc's get example.
    assert_eq!(
        counters(&mut r, &gid, r#","GroupCounterKeys":["like","unlike"]"#),
        json!([{"Key":"like","Value":5},{"Key":"unlike","Value":1}])
    );
    let update = |mode: &str, key: &str, value: i64| {
        format!(
            r#"{{"GroupId":"{gid}","Mode":"{mode}","GroupCounter":[{{"Key":"{key}","Value":{value}}}]}}"#
        )
    };
    let v = r.ok(SVC, "update_group_counter", &update("Increase", "like", 2));
    assert_eq!(v["GroupCounter"], json!([{"Key":"like","Value":7}]));
    // A missing key starts at 0 (doc).
    let v = r.ok(SVC, "update_group_counter", &update("Decrease", "new", 3));
    assert_eq!(v["GroupCounter"], json!([{"Key":"new","Value":-3}]));
    // Without Mode: Set.
    let v = r.ok(
        SVC,
        "update_group_counter",
        &format!(r#"{{"GroupId":"{gid}","GroupCounter":[{{"Key":"unlike","Value":9}}]}}"#),
    );
    assert_eq!(v["GroupCounter"], json!([{"Key":"unlike","Value":9}]));
    // All counters (key order); only existing named ones.
    assert_eq!(
        counters(&mut r, &gid, ""),
        json!([{"Key":"like","Value":7},{"Key":"new","Value":-3},{"Key":"unlike","Value":9}])
    );
    assert_eq!(
        counters(&mut r, &gid, r#","GroupCounterKeys":["nope","new"]"#),
        json!([{"Key":"new","Value":-3}])
    );
    // Overflow is refused and changes nothing.
    r.ok(SVC, "update_group_counter", &update("Set", "big", i64::MAX));
    r.fails(
        SVC,
        "update_group_counter",
        &update("Increase", "big", 1),
        10004,
    );
    r.fails(
        SVC,
        "update_group_counter",
        &update("Decrease", "new", i64::MAX),
        10004,
    );
    assert_eq!(
        counters(&mut r, &gid, r#","GroupCounterKeys":["big"]"#),
        json!([{"Key":"big","Value":i64::MAX}])
    );
    // Delete some, then all (the doc: all when no keys are given).
    r.ok(
        SVC,
        "delete_group_counter",
        &format!(r#"{{"GroupId":"{gid}","GroupCounterKeys":["like","unlike"]}}"#),
    );
    assert_eq!(
        counters(&mut r, &gid, ""),
        json!([{"Key":"big","Value":i64::MAX},{"Key":"new","Value":-3}])
    );
    r.ok(
        SVC,
        "delete_group_counter",
        &format!(r#"{{"GroupId":"{gid}"}}"#),
    );
    assert_eq!(counters(&mut r, &gid, ""), json!([]));
}

#[test]
fn counter_limits_and_community_groups() {
    let mut r = rig();
    let gid = public(&mut r);
    let items = |n: usize, prefix: &str| -> String {
        let list: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"Key":"{prefix}{i}","Value":1}}"#))
            .collect();
        format!(
            r#"{{"GroupId":"{gid}","GroupCounter":[{}]}}"#,
            list.join(",")
        )
    };
    r.fails(SVC, "update_group_counter", &items(21, "a"), 10063);
    r.ok(SVC, "update_group_counter", &items(15, "a"));
    // 15 + 6 new keys is over 20 in the group.
    r.fails(SVC, "update_group_counter", &items(6, "b"), 10063);
    assert_eq!(counters(&mut r, &gid, "").as_array().unwrap().len(), 15);
    for bad in [
        format!(
            r#"{{"GroupId":"{gid}","Mode":"Double","GroupCounter":[{{"Key":"k","Value":1}}]}}"#
        ),
        format!(r#"{{"GroupId":"{gid}","GroupCounter":[{{"Key":"k","Value":1.5}}]}}"#),
        format!(r#"{{"GroupId":"{gid}","GroupCounter":[{{"Key":"k","Value":"1"}}]}}"#),
        format!(
            r#"{{"GroupId":"{gid}","GroupCounter":[{{"Key":"{}","Value":1}}]}}"#,
            "k".repeat(129)
        ),
        format!(r#"{{"GroupId":"{gid}","GroupCounter":[{{"key":"k","value":1}}]}}"#),
        format!(r#"{{"GroupId":"{gid}","GroupCounter":[]}}"#),
    ] {
        r.fails(SVC, "update_group_counter", &bad, 10004);
    }
    let club = community(&mut r);
    let body = format!(r#"{{"GroupId":"{club}","GroupCounter":[{{"Key":"k","Value":1}}]}}"#);
    r.fails(SVC, "update_group_counter", &body, 10007);
    r.fails(
        SVC,
        "get_group_counter",
        &format!(r#"{{"GroupId":"{club}"}}"#),
        10007,
    );
    r.fails(
        SVC,
        "delete_group_counter",
        &format!(r#"{{"GroupId":"{club}"}}"#),
        10007,
    );
    r.fails(
        SVC,
        "get_group_counter",
        r#"{"GroupId":"@TGS#none"}"#,
        10010,
    );
}
