package com.warroom.local.stack.s3;

import java.util.List;
import java.util.Optional;

/** The entries of one page of a listing, and where the next page starts when this one was cut at max-keys. */
record ListPage(List<StoredObject> contents, List<String> commonPrefixes, Optional<ListRequest.Marker> next) {

    ListPage {
        contents = List.copyOf(contents);
        commonPrefixes = List.copyOf(commonPrefixes);
    }

    boolean truncated() {
        return next.isPresent();
    }

    int keyCount() {
        return contents.size() + commonPrefixes.size();
    }
}
