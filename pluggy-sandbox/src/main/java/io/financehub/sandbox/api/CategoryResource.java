package io.financehub.sandbox.api;

import org.jboss.resteasy.reactive.RestQuery;

import io.financehub.sandbox.data.Category;
import io.financehub.sandbox.data.CategoryCatalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** GET /categories[?parentId] and GET /categories/{id}. */
@Path("/categories")
public class CategoryResource {

    private final CategoryCatalog catalog;

    public CategoryResource(CategoryCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public Page<Category> list(@RestQuery String parentId) {
        return Page.single(parentId == null ? catalog.all() : catalog.children(parentId));
    }

    @GET
    @Path("{id}")
    public Category get(@PathParam("id") String id) {
        return catalog.find(id).orElseThrow(() -> PluggyException.notFound("Category", id));
    }
}
