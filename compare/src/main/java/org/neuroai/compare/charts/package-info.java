/** Figures for posts, drawn with XChart from trace CSV files only. */
package org.neuroai.compare.charts;
