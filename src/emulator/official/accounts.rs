//! The official account itself: create, destroy, modify its profile, read profiles.

use super::*;

/// Profile fields and their byte limits (doc 1047/60755). Name is also required on create.
const NAME_MAX: usize = 150;
const TEXT_FIELDS: [(&str, usize); 4] = [
    ("Introduction", 400),
    ("FaceUrl", 500),
    ("Organization", 500),
    ("CustomString", 3000),
];
/// MaxSubscriberNum when absent (doc 1047/60755).
const DEFAULT_MAX_SUBSCRIBERS: u64 = 100_000;
/// get_official_account_info reads at most 50 accounts.
const MAX_INFO: usize = 50;

/// The checked profile fields of a create or modify request.
struct Profile<'a> {
    name: Option<&'a str>,
    texts: [Option<&'a str>; 4],
    max: Option<u64>,
}

fn profile<'a>(ctx: &Ctx<'a>) -> Result<Profile<'a>, ApiError> {
    let name = opt_text(ctx, "Name", NAME_MAX)?;
    if name == Some("") {
        return Err(bad("Name", "is empty"));
    }
    let mut texts = [None; 4];
    for (slot, (key, max)) in texts.iter_mut().zip(TEXT_FIELDS) {
        *slot = opt_text(ctx, key, max)?;
    }
    let max = opt_range(ctx, "MaxSubscriberNum", 1, u64::from(u32::MAX))?;
    Ok(Profile { name, texts, max })
}

impl Profile<'_> {
    fn apply(&self, a: &mut Account) {
        if let Some(n) = self.name {
            a.name = n.to_owned();
        }
        let [intro, face, org, custom] = self.texts;
        let targets = [
            (&mut a.introduction, intro),
            (&mut a.face_url, face),
            (&mut a.organization, org),
            (&mut a.custom_string, custom),
        ];
        for (field, v) in targets {
            if let Some(v) = v {
                *field = v.to_owned();
            }
        }
        if let Some(m) = self.max {
            a.max_subscribers = m;
        }
    }
}

pub fn create(ctx: &mut Ctx<'_>) -> Outcome {
    let owner = user(ctx, "Owner_Account")?;
    let p = profile(ctx)?;
    let name = p.name.ok_or_else(|| bad("Name", "is required"))?;
    let custom = ctx.opt_str("OfficialAccountUserID", BAD)?;
    if let Some(id) = custom {
        check_custom_id(id)?;
        if ctx.state.official.by_id.contains_key(id) {
            return Err(ApiError::new(
                ID_TAKEN,
                "OfficialAccountUserID is already in use",
            ));
        }
    }
    let before = json!({
        "Operator_Account": ctx.admin,
        "Owner_Account": owner,
        "Name": name,
        "EventTime": ctx.now_s * 1000,
    });
    ctx.before_creation(
        "OfficialAccount.CallbackBeforeCreateOfficialAccount",
        before,
        "it",
    )?;
    let now = ctx.now_s;
    let id = match custom {
        Some(id) => id.to_owned(),
        None => generate_id(&mut ctx.state.official)
            .ok_or_else(|| ApiError::new(BAD_ID, "could not generate a free ID"))?,
    };
    let o = &mut ctx.state.official;
    o.serial += 1;
    let mut account = Account {
        serial: o.serial,
        owner: owner.to_owned(),
        name: String::new(),
        introduction: String::new(),
        face_url: String::new(),
        max_subscribers: DEFAULT_MAX_SUBSCRIBERS,
        organization: String::new(),
        custom_string: String::new(),
        create_time: now,
        info_seq: 0,
        last_info_time: now,
        last_msg_time: 0,
        next_seq: 1,
        subscribers: BTreeMap::new(),
        msgs: Vec::new(),
    };
    p.apply(&mut account);
    o.by_id.insert(id.clone(), account);
    let mut after = event(ctx, &id);
    after["Owner_Account"] = owner.into();
    after["Name"] = name.into();
    ctx.after("OfficialAccount.CallbackAfterCreateOfficialAccount", after);
    Ok(json!({ "OfficialAccountUserID": id }))
}

/// Custom IDs: `@TOA#_` + 1-42 printable ASCII bytes (Tencent's prefix rule; 48 bytes at most).
fn check_custom_id(id: &str) -> Result<(), ApiError> {
    let ok = id.len() > ID_PREFIX.len()
        && id.len() <= MAX_ID
        && id.starts_with(ID_PREFIX)
        && id.bytes().all(|b| (0x21..=0x7e).contains(&b));
    if ok {
        Ok(())
    } else {
        Err(ApiError::new(
            BAD_ID,
            "OfficialAccountUserID must be @TOA#_ and 1-42 more printable ASCII bytes",
        ))
    }
}

/// `@TOA#_` + 9 base-32 characters of the serial, scrambled by an odd multiplier (a bijection
/// mod 2^45), shaped like the docs' "@TOA#_2C5SZEAEF".
fn generate_id(o: &mut Official) -> Option<String> {
    const DIGITS: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    // A custom ID may have taken a generated one: try a few serials.
    for _ in 0..8 {
        let serial = o.serial + 1;
        let mut v = serial.wrapping_mul(0x2545_F491_4F6C_DD1D) & ((1 << 45) - 1);
        let mut id = String::from(ID_PREFIX);
        for _ in 0..9 {
            id.push(char::from(DIGITS.get((v & 31) as usize).copied()?));
            v >>= 5;
        }
        if !o.by_id.contains_key(&id) {
            return Some(id);
        }
        o.serial = serial;
    }
    None
}

pub fn destroy(ctx: &mut Ctx<'_>) -> Outcome {
    let id = account_id(ctx)?;
    let gone = ctx.state.official.by_id.remove(id).ok_or_else(no_account)?;
    let mut after = event(ctx, id);
    after["Owner_Account"] = gone.owner.into();
    ctx.after(
        "OfficialAccount.CallbackAfterOfficialAccountDestroyed",
        after,
    );
    Ok(json!({}))
}

/// The given fields change; InfoSeq and LastInfoTime move. MaxSubscriberNum may not go below
/// the current number of subscribers.
pub fn modify(ctx: &mut Ctx<'_>) -> Outcome {
    let id = account_id(ctx)?;
    let p = profile(ctx)?;
    let now = ctx.now_s;
    let a = ctx.state.official.get_mut(id)?;
    if p.max.is_some_and(|m| m < a.subscribers.len() as u64) {
        return Err(bad(
            "MaxSubscriberNum",
            "is below the current number of subscribers",
        ));
    }
    p.apply(a);
    a.touch_info(now);
    let after = event(ctx, id);
    ctx.after(
        "OfficialAccount.CallbackAfterOfficialAccountInfoChanged",
        after,
    );
    Ok(json!({}))
}

/// 1-50 `{Official_Account}` items; each answer has its own ErrorCode (130004 for an unknown
/// account) and the fields `OfficialAccountBaseInfoFilter` keeps (all without a filter).
pub fn info(ctx: &mut Ctx<'_>) -> Outcome {
    let items = ctx.items("OfficialAccountIdList", MAX_INFO, BAD)?;
    let ids = items
        .iter()
        .map(|it| {
            it.get("Official_Account")
                .and_then(Value::as_str)
                .ok_or_else(|| {
                    bad(
                        "OfficialAccountIdList",
                        "items need an Official_Account string",
                    )
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let filter = base_info_filter(ctx)?;
    let o = &ctx.state.official;
    let list: Vec<Value> = ids
        .into_iter()
        .map(|id| match o.by_id.get(id) {
            Some(a) => {
                let mut v = a.info(id, filter.as_deref());
                v["ErrorCode"] = 0.into();
                v["ErrorInfo"] = "".into();
                v
            }
            None => {
                let e = no_account();
                json!({ "Official_Account": id, "ErrorCode": e.code, "ErrorInfo": e.info })
            }
        })
        .collect();
    Ok(json!({ "OfficialAccountInfoList": list }))
}
