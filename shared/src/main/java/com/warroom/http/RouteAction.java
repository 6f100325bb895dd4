package com.warroom.http;

/** The work behind one route. */
@FunctionalInterface
public interface RouteAction {
    ApiResult handle(ApiRequest request);
}
