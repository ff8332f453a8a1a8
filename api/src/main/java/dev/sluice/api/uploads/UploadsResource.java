package dev.sluice.api.uploads;

import dev.sluice.api.owner.CallerOwner;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Hands out presigned upload URLs: the client PUTs its video straight to S3, then names the returned
 * key in a video-analysis job. Nothing is stored here; an upload no job ever references is deleted by
 * the reaper after {@code sluice.reaper.orphans.upload-max-age}.
 */
@Path("/v1/uploads")
public class UploadsResource {
    private final UploadRequestReader reader;
    private final UploadPresigner presigner;
    private final CallerOwner caller;

    public UploadsResource(UploadRequestReader reader, UploadPresigner presigner, CallerOwner caller) {
        this.reader = reader;
        this.presigner = presigner;
        this.caller = caller;
    }

    /** 201 without a Location: there is no upload resource to GET, the object itself is the result. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(byte[] body) {
        UploadRequest request = reader.read(body);
        UploadTicket ticket = presigner.presign(caller.ownerId(), request);
        // The URL is a bearer credential until it expires: no cache may keep it.
        return Response.status(Response.Status.CREATED).entity(ticket).header("Cache-Control", "no-store").build();
    }
}
