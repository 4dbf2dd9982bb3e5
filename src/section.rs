//! The app's sections, each a page of its own addressed by a URL hash
//! (`#drift`), so a link, a bookmark and the browser's back and forward
//! buttons all open the same view.

use tideline_report::Area;

/// One section of the app, in the order of the section bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// The start, the two datasets, Columns & roles and the split.
    Data,
    /// One light per area.
    Overview,
    /// Drift tests per column, and a column's charts.
    Drift,
    /// Model Monitor's data-quality checks.
    DataQuality,
    /// Realised model quality.
    ModelQuality,
    /// Clarify's bias metrics and bias drift.
    Bias,
    /// SHAP attributions and attribution drift.
    Attributions,
    /// Monitoring over time.
    Timeline,
    /// The personal-data scan.
    PersonalData,
    /// Generated drift for teaching.
    Teach,
    /// Reports and files to download.
    Export,
}

impl Section {
    /// Every section, in the bar's order.
    pub const ALL: [Self; 11] = [
        Self::Data,
        Self::Overview,
        Self::Drift,
        Self::DataQuality,
        Self::ModelQuality,
        Self::Bias,
        Self::Attributions,
        Self::Timeline,
        Self::PersonalData,
        Self::Teach,
        Self::Export,
    ];

    /// The URL hash (without `#`) and `data-testid` suffix.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Data => "data",
            Self::Overview => "overview",
            Self::Drift => "drift",
            Self::DataQuality => "data-quality",
            Self::ModelQuality => "model-quality",
            Self::Bias => "bias",
            Self::Attributions => "attributions",
            Self::Timeline => "timeline",
            Self::PersonalData => "personal-data",
            Self::Teach => "teach",
            Self::Export => "export",
        }
    }

    /// The name in the section bar.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Data => "Data",
            Self::Overview => "Overview",
            Self::Drift => "Drift",
            Self::DataQuality => "Data quality",
            Self::ModelQuality => "Model quality",
            Self::Bias => "Bias",
            Self::Attributions => "Attributions",
            Self::Timeline => "Timeline",
            Self::PersonalData => "Personal data",
            Self::Teach => "Teach",
            Self::Export => "Export",
        }
    }

    /// The section a URL hash names (`#drift`, `drift`); `None` for another hash.
    #[must_use]
    pub fn from_hash(hash: &str) -> Option<Self> {
        let key = hash.strip_prefix('#').unwrap_or(hash);
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The section that shows an Overview area's detail.
    #[must_use]
    pub fn of_area(area: Area) -> Self {
        match area {
            Area::DataQuality => Self::DataQuality,
            Area::Drift => Self::Drift,
            Area::ModelQuality => Self::ModelQuality,
            Area::Bias => Self::Bias,
            Area::Attributions => Self::Attributions,
            Area::Timeline => Self::Timeline,
            Area::PersonalData => Self::PersonalData,
        }
    }

    /// The Overview area a section's light follows, if any.
    #[must_use]
    pub fn area(self) -> Option<Area> {
        Area::ALL.into_iter().find(|&a| Self::of_area(a) == self)
    }

    /// Whether the section needs loaded data to show anything.
    #[must_use]
    pub fn needs_data(self) -> bool {
        !matches!(self, Self::Data | Self::Teach)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_round_trips_through_its_hash_and_areas_map_back() {
        for s in Section::ALL {
            assert_eq!(Section::from_hash(&format!("#{}", s.key())), Some(s));
        }
        assert_eq!(Section::from_hash("#compare-title"), None);
        assert_eq!(Section::from_hash(""), None);
        for a in Area::ALL {
            assert_eq!(Section::of_area(a).area(), Some(a));
        }
        assert_eq!(Section::Export.area(), None);
    }
}
