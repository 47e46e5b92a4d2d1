package com.zemo.platform.boundary;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Server-side paging for a table whose filters live in the page bean (not in the table's columns): the bean
 * gives how to count and how to load one page, and how a row is named.
 */
public class PagedModel<T> extends LazyDataModel<T> {
    private static final long serialVersionUID = 1L;

    public interface Counter extends Serializable {
        long count();
    }

    public interface Loader<T> extends Serializable {
        List<T> load(int first, int size);
    }

    public interface RowKey<T> extends Serializable {
        String of(T row);
    }

    private final Counter counter;
    private final Loader<T> loader;
    private final RowKey<T> key;

    public PagedModel(Counter counter, Loader<T> loader, RowKey<T> key) {
        this.counter = counter;
        this.loader = loader;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, counter.count());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return loader.load(first, pageSize);
    }

    @Override
    public String getRowKey(T row) {
        return key.of(row);
    }

    @Override
    public T getRowData(String rowKey) {
        List<T> page = getWrappedData();
        return page == null ? null : page.stream().filter(r -> key.of(r).equals(rowKey)).findFirst().orElse(null);
    }
}
