pub mod error;
pub mod model;
pub mod store;
pub use error::{Error, Result};
