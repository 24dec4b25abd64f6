/** Learning and using gendict dictionaries on Apache Spark. */
package io.gendict.spark;
