//! The thin HTTP layer: the route table with each route's [`Access`], the middleware every
//! request passes (request id, metrics, logs, body limit), problem+json fallbacks, and the
//! OpenAPI document. Domain modules add their routes through [`Api::route`].

pub mod access;
pub mod extract;
pub mod limit;
pub mod observe;
pub mod ops;
pub mod page;
pub mod web;

use axum::http::Method;
use axum::middleware::from_fn_with_state;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{OpenApi as OpenApiDoc, PathItem};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouter};

pub use access::{Access, CurrentUser, MaybeUser};
pub use extract::{ClientAddr, Fields, Input, PathParam, QueryParams, Valid};

use crate::app::AppState;

/// One row of the route table: what the route-walking test checks.
#[derive(Debug, Clone)]
pub struct RouteSpec {
    pub method: Method,
    /// The path as registered, with `{param}` placeholders.
    pub path: String,
    pub access: Access,
}

/// The API under construction: axum routes, their OpenAPI description and their access rules.
pub struct Api {
    state: AppState,
    router: OpenApiRouter<AppState>,
    table: Vec<RouteSpec>,
}

impl Api {
    pub fn new(state: AppState) -> Api {
        Api { state, router: OpenApiRouter::with_openapi(ApiDoc::openapi()), table: Vec::new() }
    }

    /// Adds the routes of a `utoipa_axum::routes!(...)` call, all with the same access rule.
    pub fn route(mut self, access: Access, (schemas, mut paths, method_router): UtoipaMethodRouter<AppState>) -> Api {
        for (path, item) in paths.paths.iter_mut() {
            for (method, op) in operations(item) {
                if access != Access::Public {
                    op.security =
                        Some(vec![utoipa::openapi::security::SecurityRequirement::new("bearer", Vec::<String>::new())]);
                }
                self.table.push(RouteSpec { method, path: path.clone(), access });
            }
        }
        let guard = access::Guard { state: self.state.clone(), access };
        let method_router = method_router.route_layer(from_fn_with_state(guard, access::enforce));
        self.router = self.router.routes((schemas, paths, method_router));
        self
    }

    pub fn finish(self) -> (axum::Router<AppState>, OpenApiDoc, Vec<RouteSpec>) {
        let (router, doc) = self.router.split_for_parts();
        (router, doc, self.table)
    }
}

fn operations(item: &mut PathItem) -> Vec<(Method, &mut utoipa::openapi::path::Operation)> {
    [
        (Method::GET, item.get.as_mut()),
        (Method::PUT, item.put.as_mut()),
        (Method::POST, item.post.as_mut()),
        (Method::DELETE, item.delete.as_mut()),
        (Method::PATCH, item.patch.as_mut()),
    ]
    .into_iter()
    .filter_map(|(m, op)| op.map(|op| (m, op)))
    .collect()
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "cocreate API",
        description = "Design from the brand's building blocks, rate, list, and earn royalties. \
                       Errors are application/problem+json with a stable `code`.",
        version = "1"
    ),
    components(schemas(crate::error::Problem, crate::error::FieldError)),
    modifiers(&BearerAuth)
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build()),
        );
    }
}
