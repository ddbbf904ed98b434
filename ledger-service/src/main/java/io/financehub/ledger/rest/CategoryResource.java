package io.financehub.ledger.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.financehub.ledger.Category;
import io.financehub.ledger.repository.CategoryRepository.Mapping;
import io.financehub.ledger.service.CategoryService;
import io.financehub.ledger.service.CategoryService.Draft;
import io.financehub.support.Caller;
import io.financehub.support.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Categories: Pluggy's tree ({@code is_system}, read-only) and the company's own, and the company's mapping of
 * Pluggy's categories to its own.
 */
@Path("/api/banking/categories")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
public class CategoryResource {

    static final Set<String> TYPES = Set.of("income", "expense", "transfer");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?");
    private static final Pattern PLUGGY_ID = Pattern.compile("[0-9]{8}");

    private final CategoryService categories;
    private final Caller caller;

    CategoryResource(CategoryService categories, Caller caller) {
        this.categories = categories;
        this.caller = caller;
    }

    /** Pluggy's categories, then the company's; {@code type} income, expense or transfer. */
    @GET
    public Uni<List<CategoryView>> list(@RestQuery String type) {
        String wanted = Params.blank(type) ? null : type.trim();
        if (wanted != null && !TYPES.contains(wanted)) {
            throw new InvalidField("type", "must be one of expense, income, transfer");
        }
        return categories.list(caller.companyId(), wanted).map(list -> list.stream().map(CategoryView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<CategoryView> get(@RestPath String id) {
        return categories.get(caller.companyId(), Params.uuid("id", id)).map(CategoryView::of);
    }

    /** {@code {name, type, parent, icon, color}}: name and type (income, expense, transfer) are required. */
    @POST
    public Uni<Response> create(JsonNode body) {
        ObjectNode fields = Bodies.object(body);
        Draft draft = new Draft(Bodies.required(fields, "name", 80), requiredType(fields), Bodies.uuid(fields, "parent"),
                Bodies.text(fields, "icon", 16), color(fields));
        return categories.create(caller.companyId(), draft)
                .map(created -> Response.created(URI.create("/api/banking/categories/" + created.id() + "/"))
                        .entity(CategoryView.of(created)).build());
    }

    /** Changes the fields given; a change of type rebuilds the dashboard's figures. */
    @PATCH
    @Path("/{id}")
    public Uni<CategoryView> update(@RestPath String id, JsonNode body) {
        UUID categoryId = Params.uuid("id", id);
        ObjectNode fields = Bodies.object(body);
        String name = fields.has("name") ? Bodies.required(fields, "name", 80) : null;
        String type = fields.has("type") ? requiredType(fields) : null;
        UUID parent = Bodies.uuid(fields, "parent");
        String icon = Bodies.text(fields, "icon", 16);
        String color = color(fields);
        return categories.update(caller.companyId(), categoryId, before -> new Draft(
                name != null ? name : before.name(), type != null ? type : before.type(),
                fields.has("parent") ? parent : before.parentId(), fields.has("icon") ? icon : before.icon(),
                fields.has("color") ? color : before.color()))
                .map(CategoryView::of);
    }

    /**
     * Deletes the company's category. When transactions, rules or mappings use it, {@code reassign_to} says where
     * they go (a category id, or {@code none}); without it the answer is 409 with the counts.
     */
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@RestPath String id, @RestQuery("reassign_to") String reassignTo) {
        return categories.delete(caller.companyId(), Params.uuid("id", id),
                Params.blank(reassignTo) ? null : reassignTo.trim())
                .map(v -> Response.noContent().build());
    }

    /** The company's mappings of Pluggy's categories. */
    @GET
    @Path("/mappings")
    public Uni<List<MappingView>> mappings() {
        return categories.mappings(caller.companyId()).map(list -> list.stream().map(MappingView::of).toList());
    }

    /** Maps a Pluggy category (its 8-digit id) to {@code category_id}: transactions synced from now on take it. */
    @PUT
    @Path("/mappings/{pluggyCategoryId}")
    public Uni<Response> map(@RestPath String pluggyCategoryId, JsonNode body) {
        String pluggyId = pluggyId(pluggyCategoryId);
        UUID category = Bodies.uuid(Bodies.object(body), "category_id");
        if (category == null) {
            throw new InvalidField("category_id", "is required");
        }
        return categories.map(caller.companyId(), pluggyId, category).map(v -> Response.noContent().build());
    }

    @DELETE
    @Path("/mappings/{pluggyCategoryId}")
    public Uni<Response> unmap(@RestPath String pluggyCategoryId) {
        return categories.unmap(caller.companyId(), pluggyId(pluggyCategoryId)).map(v -> Response.noContent().build());
    }

    private static String pluggyId(String value) {
        if (value == null || !PLUGGY_ID.matcher(value).matches()) {
            throw new InvalidField("pluggy_category_id", "must be a Pluggy category id (8 digits)");
        }
        return value;
    }

    private static String requiredType(ObjectNode fields) {
        String type = Bodies.oneOf(fields, "type", TYPES);
        if (type == null) {
            throw new InvalidField("type", "is required: income, expense or transfer");
        }
        return type;
    }

    private static String color(ObjectNode fields) {
        String color = Bodies.text(fields, "color", 7);
        if (color != null && !COLOR.matcher(color).matches()) {
            throw new InvalidField("color", "must be a hex colour, e.g. #FF5733");
        }
        return color;
    }

    /** A category; {@code is_system} for Pluggy's, with its {@code pluggy_category_id}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CategoryView(UUID id, String name, String type, UUID parentId, String icon, String color,
            boolean isSystem, String pluggyCategoryId, String pluggyDescription, Instant createdAt,
            Instant updatedAt) {

        static CategoryView of(Category c) {
            return new CategoryView(c.id(), c.name(), c.type(), c.parentId(), c.icon(), c.color(), c.system(),
                    c.pluggyCategoryId(), c.pluggyDescription(), c.createdAt(), c.updatedAt());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MappingView(String pluggyCategoryId, String pluggyCategoryName, UUID categoryId, Instant updatedAt) {

        static MappingView of(Mapping m) {
            return new MappingView(m.pluggyCategoryId(), m.pluggyCategoryName(), m.categoryId(), m.updatedAt());
        }
    }
}
