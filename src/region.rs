//! Regions and their admin API hosts (seed "RESTful API Overview": primary and backup domains).
//! Backups are for when a carrier's DNS hijacks the primary.

pub struct Region {
    pub name: &'static str,
    pub primary: &'static str,
    pub backup: &'static str,
}

pub const REGIONS: &[Region] = &[
    Region {
        name: "china",
        primary: "console.tim.qq.com",
        backup: "adminapi.my-imcloud.com",
    },
    Region {
        name: "singapore",
        primary: "adminapisgp.im.qcloud.com",
        backup: "adminapisgp.my-imcloud.com",
    },
    Region {
        name: "seoul",
        primary: "adminapikr.im.qcloud.com",
        backup: "adminapikr.my-imcloud.com",
    },
    Region {
        name: "tokyo",
        primary: "adminapijpn.im.qcloud.com",
        backup: "adminapijpn.my-imcloud.com",
    },
    Region {
        name: "frankfurt",
        primary: "adminapiger.im.qcloud.com",
        backup: "adminapiger.my-imcloud.com",
    },
    Region {
        name: "silicon-valley",
        primary: "adminapiusa.im.qcloud.com",
        backup: "adminapiusa.my-imcloud.com",
    },
    Region {
        name: "jakarta",
        primary: "adminapiidn.im.qcloud.com",
        backup: "adminapiidn.my-imcloud.com",
    },
    Region {
        name: "mumbai",
        primary: "adminapiind.im.qcloud.com",
        backup: "adminapiind.my-imcloud.com",
    },
];

pub const DEFAULT_REGION: &str = "singapore";

pub fn find(name: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_has_a_my_imcloud_backup_with_the_same_prefix() {
        assert_eq!(REGIONS.len(), 8);
        for r in REGIONS {
            let prefix = if r.name == "china" {
                "adminapi"
            } else {
                r.primary.split('.').next().unwrap()
            };
            assert_eq!(r.backup, format!("{prefix}.my-imcloud.com"), "{}", r.name);
        }
        assert_eq!(
            find("singapore").unwrap().primary,
            "adminapisgp.im.qcloud.com"
        );
        assert!(find("mars").is_none());
    }
}
