package io.cybershield.shield.gateway.awareness;

/**
 * A link of an email body.
 *
 * @param text        what the reader sees (an anchor's text; the URL itself for a bare URL)
 * @param url         where it goes, after unwrapping a link protector or redirect it was wrapped in
 * @param host        the host it goes to, normalised; null when the URL has none
 * @param registrable the registrable domain of the host
 * @param path        the path and query, lower case
 * @param userinfo    what stands before an {@code @} in the authority ({@code https://paypal.com@evil.example/}),
 *                    empty when nothing does
 * @param anchor      whether it is an HTML anchor (its text chosen by the author) rather than a bare URL
 */
record Link(String text, String url, String host, String registrable, String path, String userinfo,
            boolean anchor) {
}
