//! The articles' question as a game (`docs/MODEL.md` §1, §3.5): each side may sprint or pace;
//! all four pairs are run; each side's payoff is the NPV of its own cash flows in its own
//! currency. From the 2×2 table: each side's best response to each of the other's strategies,
//! every pure-strategy equilibrium, and each side's choice — sprint minus pace for its own
//! firms, the other side answering each with its best response — over every AGI year, with a
//! materiality band inside which the answer is "too close to call".

mod agi_crossing;
mod business_gap;
mod call;
mod choice;
mod claim_check;
mod round;
mod table;

pub use business_gap::BusinessGap;
pub use call::{band, call, Call, MATERIALITY};
pub(crate) use choice::{choice_point, scan};
pub use choice::{BreakEvenKind, Choice, ChoicePoint, ChoiceRun, FIRST_AGI_YEAR};
pub use claim_check::{ClaimCheck, CLAIM_EARLY_AGI_YEAR, CLAIM_LATE_AGI_YEAR};
pub(crate) use round::{round, Fixed, Round};
pub use table::{BestResponse, Cell, Equilibrium, Game};
