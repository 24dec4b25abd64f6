/**
 * Generic JUnit 5 property suites that every plugin implementation, built-in or third-party,
 * must pass. A plugin's test class implements the contract interface and names its provider.
 */
package io.gendict.theory.contract;
