/**
 * Problems found in spec files: the rule, the severity, the file, line, column and key path, what
 * was expected and how to fix it, and how they are sorted and printed. Uses nothing else of ours.
 */
package io.teei.nats.manifests.diag;
