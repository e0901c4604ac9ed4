#pragma once
// Codes a model comparison carries instead of prose: the CLI writes their names into JSON, only
// ui/ turns them into translated sentences.

namespace lhm {

// What set a comparison's confidence, from the side with the lowest confidence.
enum class ConfidenceReason {
    Agree,           // >= 2 models on that side, main clusters within 5 %
    Disagree,        // >= 2 models on that side, main clusters more than 5 % apart
    SingleModel,     // only one model was compared: nothing to check it against (0.5)
    UnverifiedSide,  // several models, but only one has positions on that side (0.5)
    NoDensity,       // no model has any density in the column: nothing to compare (1)
};
const char *confidenceReasonName(ConfidenceReason r);  // agree, disagree, single_model, unverified_side, no_density

// Why a model was left out of a comparison: the window holds none of this input.
enum class MissingInput { OpenInterest, TradeProfile, FundingRates };
const char *missingInputName(MissingInput m);  // no_open_interest, no_trade_profile, no_funding_rates
// The English sentence the CLI and the local API put in JSON ("reason"); the GUI translates the code.
const char *missingInputSentence(MissingInput m);  // "no funding rates in the window", ...

}  // namespace lhm
