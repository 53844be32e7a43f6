/**
 * Phishing awareness: {@link io.cybershield.shield.gateway.awareness.EmailAnalyser}, a pure, explainable analysis of
 * one email (sender, links, attachments, language, authentication headers) into a verdict, the indicators behind it
 * and guidance written for the employee who received it; {@code POST /v1/awareness/email}
 * ({@link io.cybershield.shield.gateway.awareness.AwarenessResource}) serves it. Described in {@code docs/awareness.md}.
 */
package io.cybershield.shield.gateway.awareness;
